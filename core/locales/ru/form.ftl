## The event's own questions (core/questions.py)
q-ask = { $label }
q-hint-multi = Выберите один или несколько вариантов и нажмите «Готово».
q-hint-number = Ответьте числом.
q-hint-number-range = Ответьте числом от { $min } до { $max }.
q-hint-email = Напишите адрес электронной почты, например name@example.org.
q-hint-phone = Поделитесь номером кнопкой или напишите его.
q-hint-optional = Необязательно: можно нажать «Пропустить».
answer-yes = Да
answer-no = Нет
answer-none = не указано
answer-line = { $label }: { $value }
btn-done = ✅ Готово
error-email = Не похоже на адрес электронной почты. Пример: name@example.org.
error-number = Ответьте числом, например 5.
error-number-min = Число должно быть не меньше { $limit }.
error-number-max = Число должно быть не больше { $limit }.
error-phone-required = Не похоже на номер телефона. Пример: +7 777 123 45 67.
error-pick-one = Выберите хотя бы один вариант и нажмите «Готово».
privacy-own-questions = Это мероприятие также спрашивает: { $questions }.

## Approval
pending-head = ⏳ <b>Спасибо! Ваша регистрация на «{ $title }» ждёт одобрения организаторов.</b> Я напишу вам, как только они решат. Пока её можно посмотреть в /my.
pending-my = ⏳ <b>{ $title }</b>
    Ваша регистрация ждёт одобрения организаторов. Я напишу вам, как только они решат.
approved-head = ✅ <b>Организаторы одобрили вашу регистрацию.</b>
declined = ✖️ Организаторы отклонили вашу регистрацию на «{ $title }». С вопросами обращайтесь к организаторам.
pending-closed = Мероприятие «{ $title }» началось, а вашу регистрацию не успели одобрить: регистрация закрыта.
cmd-pending = Регистрации, ждущие одобрения
cmd-form = Анкета мероприятия: её вопросы
adm-pending-new = 🆕 <b>Новая регистрация на «{ $title }»</b> ждёт одобрения:
    { $who }
adm-pending-row = { $name }, { $org } ({ $role }); { $format }
adm-pending-head = <b>Ждут одобрения ({ $title }): { $count }</b>
adm-pending-none = Никто не ждёт одобрения на «{ $title }».
adm-pending-started = Мероприятие началось: тем, кто ещё ждал, сообщено, что регистрация закрыта.
adm-btn-approve = ✅ Одобрить
adm-btn-decline = ✖️ Отклонить
adm-btn-approve-all = ✅ Одобрить всех
adm-approved = Одобрено: { $name } ({ $placement }). Участнику сообщено.
adm-approved-seat = место в зале
adm-approved-waitlist = зал полон: онлайн + лист ожидания
adm-approved-online = онлайн
adm-approved-all = Одобрено: { $count }. Каждому сообщено.
adm-declined = Отклонено: { $name }. Участнику сообщено.
adm-decided-already = Уже решено.
adm-stats-pending = Ждут одобрения: { $count }

## /form
adm-form-head = <b>Анкета «{ $title }»</b>, в порядке вопросов:
adm-form-builtin = { $n }. { $label } (встроенный)
adm-form-row = { $n }. { $label } ({ $details })
adm-form-kind-text = текст
adm-form-kind-choice = один вариант
adm-form-kind-multi = несколько вариантов
adm-form-kind-yesno = да / нет
adm-form-kind-number = число
adm-form-kind-email = почта
adm-form-kind-phone = телефон
adm-form-optional = необязательный
adm-form-only-offline = только офлайн
adm-form-only-online = только онлайн
adm-form-approval = Регистрации ждут одобрения: /pending.
adm-form-config = Это мероприятие из файла конфигурации: вопросы меняются там ([[event.questions]] или [[events.questions]], порядок — `form`), затем перезапустите бота. Как — в разделе README «Your own questions».
adm-form-chat = Это мероприятие создано в чате. Менять его вопросы из чата пока нельзя.
