## После мероприятия: подключение онлайн, сертификаты, опрос

btn-join-now = ▶️ Подключиться
join-now = Добро пожаловать! Подключайтесь: { $link }
join-now-id = Добро пожаловать! Идентификатор конференции Zoom: <code>{ $zoom }</code>
join-not-yours = Эта кнопка устарела или не ваша.

cert-offer = 🎓 Спасибо, что пришли на «{ $title }»! В сертификате участника будет написано: <b>{ $name }</b>. Всё верно? Имя можно один раз исправить до выдачи.
btn-cert-issue = ✅ Выдать сертификат
btn-cert-fix = ✏️ Исправить имя
cert-ask-name = Отправьте полное имя так, как оно должно быть в сертификате.
cert-name-saved = В сертификате будет написано: <b>{ $name }</b>.
cert-fix-used = Имя можно исправить только один раз и только до выдачи сертификата.
cert-not-yours = Это не ваш сертификат, или вы не были на мероприятии.
cert-caption = 🎓 Ваш сертификат участника. Проверить его может любой: { $link }
cert-valid = ✅ Сертификат действителен: { $name }, «{ $title }», { $date }.
cert-none = ❌ Такого сертификата нет.
cert-heading = СЕРТИФИКАТ УЧАСТНИКА
cert-certifies = Настоящим подтверждается, что
cert-attended = принял(а) участие в мероприятии
cert-when = { $date } ({ $length })
cert-organisers = Организаторы: { $organisers }
cert-code = Код проверки: { $code }
cert-verify = Проверить: { $link }

feedback-question = Как вы оцениваете «{ $title }»?
feedback-1 = 1 — плохо
feedback-2 = 2
feedback-3 = 3
feedback-4 = 4
feedback-5 = 5 — отлично
feedback-ask-comment = Спасибо! Что нам стоит изменить? Напишите одним сообщением или нажмите «Пропустить».
btn-feedback-skip = Пропустить
feedback-thanks = Спасибо за отзыв!

privacy-after = После мероприятия: отметка о присутствии, ваш отзыв и сертификат (его код проверки, чтобы любой мог его проверить) хранятся столько же, сколько остальные данные, и удаляются вместе с ними или раньше по /forget_me.

## /report, для фонда
cmd-report = отчёт для фонда (PDF и CSV); /report names добавит имена
report-caption = 📑 Отчёт: «{ $title }». В CSV те же цифры.
rep-heading = Отчёт: { $title }
rep-col-section = Раздел
rep-col-item = Показатель
rep-col-value = Значение
rep-registrations = Регистрации
rep-registered = зарегистрировано (всего)
rep-active = действующие
rep-cancelled = отменены
rep-per-day = Регистрации по дням
rep-format = По формату
rep-seated = офлайн (места)
rep-waitlisted = онлайн, в очереди на место
rep-online = онлайн
rep-roles = По роли
rep-organisations = Представленные организации
rep-organisations-count = организаций
rep-attendance = Присутствие
rep-checked-in = офлайн: пришли / места
rep-joined = онлайн: подключились / зарегистрированы
rep-waitlist = Очередь
rep-promoted = мест отдано из очереди
rep-released = мест освобождено (не подтвердили)
rep-still-waiting = всё ещё в очереди
rep-feedback = Отзывы (1-5)
rep-average = среднее
rep-comments = Что нам изменить?
rep-names = Участники
adm-stats-after = ✅ Пришли: офлайн { $checked } из { $seated }, онлайн { $joined } из { $online }
adm-stats-feedback = ⭐ Отзывы: { $votes } { $votes ->
    [one] ответ
    [few] ответа
   *[other] ответов
    }, в среднем { $average }
adm-btn-present = ✅ Отметить: был(а)
adm-btn-absent = ↩️ Отметить: не был(а)
adm-done-present = Отмечено: был(а).
adm-done-absent = Отмечено: не был(а).
adm-act-present = отмечен(а) присутствующим
adm-act-absent = отмечен(а) отсутствующим
adm-act-report = отчёт
