## Напоминания, «вы придёте?», рассылки
reminder-online =
    ⏰ <b>Напоминание: { $title }</b>
    { $when }
    { $online }
reminder-offline =
    ⏰ <b>Напоминание: { $title }</b>
    { $when }
    📍 { $venue }
    Ваш код для входа: <code>{ $code }</code>. Вход только по предварительной регистрации: покажите код на входе.
    Вопросы: { $phone }
attendance-question = Вы придёте? Если нет, ваше место перейдёт следующему в очереди.
btn-coming = ✅ Да, приду
btn-not-coming = ✖️ Нет, освободить место
attendance-coming = Спасибо, до встречи!
attendance-released = Ваше место освобождено; вы остаётесь зарегистрированы онлайн.
attendance-not-yours = Этот вопрос устарел. /my покажет вашу регистрацию.
attendance-silent-released = Вы не подтвердили, что придёте, поэтому место перешло следующему в очереди. Вы остаётесь зарегистрированы онлайн.
broadcast-report = Рассылка завершена: отправлено { $sent }, недоступно { $unreachable }, ошибок { $failed }, пропущено { $skipped } (из { $total }).
reminder-starts-in = ⏳ Начало { $span }.
