## Консоль организатора (только для админов) и меню команд

## Меню команд (описания, не длиннее 256 символов)
cmd-start = Событие и регистрация
cmd-my = Моя регистрация
cmd-help = Что умеет бот
cmd-cancel = Выйти из анкеты или черновика
cmd-events = События: список и выбор текущего
cmd-newevent = Создать следующее событие
cmd-editevent = Изменить текущее событие
cmd-stats = Цифры одним взглядом
cmd-list = Списки регистраций и действия
cmd-door = Список на входе с отметками
cmd-checkin = Отметить приход: /checkin КОД
cmd-capacity = Число мест: /capacity N
cmd-close = Остановить новые регистрации
cmd-open = Снова открыть регистрацию
cmd-broadcast = Написать участникам
cmd-reminders = Состояние напоминаний
cmd-export = Excel-файл всех регистраций (/export csv: CSV)
cmd-log = Последние действия организаторов

## Общие части
adm-aud-all = все
adm-aud-offline = офлайн
adm-aud-online = онлайн
adm-aud-waitlist = лист ожидания
adm-aud-attended = пришли
adm-aud-absent = не пришли
adm-intake-open = открыта
adm-intake-online-only = только онлайн (зал закрыт)
adm-intake-closed = закрыта
adm-status-seated = 🪑 код <code>{ $code }</code>
adm-status-arrived = ✅ код <code>{ $code }</code>, пришёл(а) в { $at }
adm-status-waitlisted = ⏳ лист ожидания, №{ $position }
adm-status-online = 💻 онлайн
adm-status-cancelled = ✖️ отменена
adm-no-such = Такой регистрации нет.

## /stats
adm-stats =
    📊 <b>{ $title }</b>
    🪑 Занято мест: { $seated } из { $capacity } (свободно { $free })
    ⏳ Лист ожидания: { $waitlisted }
    💻 Онлайн: { $online }{ $pending }
    ✖️ Отменено: { $cancelled }
    ✅ Пришли: { $checked } из { $seated }
    📵 Недоступны: { $unreachable }
    🚪 Регистрация: { $intake }
    { $pace }

    <b>Новые регистрации по дням</b>
    { $days }

    { $reminder }
adm-stats-day = { $day }: { $count }
adm-stats-no-days = пока нет
adm-next-reminder = ⏰ Следующее напоминание: { $due } (за { $before }, { $audience }); получат { $count }.
adm-no-reminder = ⏰ Запланированных напоминаний нет.
adm-pace = 📨 Отправка: { $rate } сообщ. в секунду, как настроено; ждут отправки: { $waiting }
adm-pace-slowed = 📨 Отправка: { $rate } сообщ. в секунду вместо { $configured }: Telegram отклонял сообщения, и бот замедлился; скорость вернётся сама. Ждут отправки: { $waiting }

## /list и карточка
adm-list-choose = Какой список?
adm-list-not-grouped = «{ $asked }» — не вопрос с вариантами ответа; по ответам: { $ids }.
adm-list-no-grouped = «{ $asked }» — не вопрос с вариантами ответа, а в этой анкете таких нет.
adm-kind-offline = 🪑 Офлайн
adm-kind-waitlist = ⏳ Лист ожидания
adm-kind-online = 💻 Онлайн
adm-kind-all = 📋 Все
adm-btn-kind = { $kind } ({ $count })
adm-list-head = <b>{ $kind }</b>: { $total } · страница { $page } из { $pages }
adm-list-empty = <b>{ $kind }</b>: никого.
adm-list-row = { $n }. <b>{ $name }</b>, { $org } ({ $role }) · { $phone } · { $status }
adm-erased = (данные удалены)
adm-list-row-erased = { $n }. <i>{ $erased }</i> · { $status }
adm-details-erased =
    <i>{ $erased }</i> · #{ $id }
    { $status }
    Зарегистрирован(а) { $created } · язык: { $language }
adm-btn-prev = ◀️ Назад
adm-btn-next = Дальше ▶️
adm-btn-lists = ⬅️ Списки
adm-btn-to-list = ⬅️ К списку
adm-details =
    <b>{ $name }</b> · #{ $id }
    { $org } · { $role }
    📞 { $phone }
    { $status }
    Зарегистрирован(а) { $created } · язык: { $language }
adm-details-cancelled = Отменена { $at }
adm-details-unreachable = 📵 Недоступен(на) с { $at }
adm-btn-checkin = ✅ Отметить приход
adm-btn-online = 💻 Перевести в онлайн
adm-btn-promote = 🪑 Дать место
adm-btn-cancel = ✖️ Отменить регистрацию
adm-btn-no = Нет, оставить
adm-btn-yes-cancel = Да, отменить
adm-btn-yes-online = Да, перевести в онлайн
adm-sure-cancel = Отменить регистрацию: <b>{ $name }</b>? Место, если оно было, перейдёт первому в листе ожидания. Человеку придёт сообщение.
adm-sure-online = Перевести <b>{ $name }</b> в онлайн? Место или очередь в листе ожидания теряются (место перейдёт первому в листе ожидания). Человеку придёт сообщение.
adm-done-cancel = Регистрация отменена; человеку сообщено.
adm-done-online = Переведён(а) в онлайн; человеку сообщено.
adm-done-promote = Место выдано; человеку пришёл код для входа.
adm-done-checkin = Приход отмечен.
adm-done-promoted = Из листа ожидания по очереди получили места (им сообщено): { $names }
adm-stale = Эта регистрация успела измениться. Вот как она выглядит сейчас; нажмите ещё раз, если действие всё ещё нужно.
adm-refuse-room-full = Свободных мест нет. Сначала увеличьте зал: /capacity N (при увеличении места получает лист ожидания по очереди).
adm-refuse-not-waitlisted = Этого человека уже нет в листе ожидания.

## Сообщения участнику (на его языке)
by-organiser-cancelled = Организаторы отменили вашу регистрацию на «{ $title }». Вопросы: { $phone }
by-organiser-online = Организаторы перевели вас в онлайн-участие; ваш код для входа, если он был, больше не действует.

## /capacity
adm-capacity-now = 🪑 Зал: { $capacity } { $capacity ->
    [one] место
    [few] места
   *[other] мест
    }, занято { $seated }, в листе ожидания { $waitlisted }. Изменить: /capacity N
adm-capacity-usage = Укажите целое число мест от 0 до { $max }, например /capacity 12
adm-capacity-set = 🪑 Теперь в зале { $capacity } { $capacity ->
    [one] место
    [few] места
   *[other] мест
    } (занято { $seated }).
adm-capacity-refused = Отказано: уже { $seated ->
    [one] занято { $seated } место
    [few] заняты { $seated } места
   *[other] занято { $seated } мест
    }, поэтому зал нельзя уменьшить до { $capacity }. Никто не теряет место молча: сначала отмените регистрации или переведите людей в онлайн (/list), потом повторите.

## /close и /open
adm-close-ask = Регистрация сейчас: { $intake }. Что остановить?
adm-btn-close-offline = 🪑 Только офлайн (онлайн остаётся открытым)
adm-btn-close-all = 🚫 Все новые регистрации
adm-btn-keep = Оставить как есть
adm-intake-set = 🚪 Регистрация теперь: { $intake }. Существующие регистрации не меняются.
adm-intake-kept = Ничего не изменилось; регистрация: { $intake }.
adm-intake-deadline = Внимание: срок регистрации из конфигурации прошёл, поэтому участники всё равно видят регистрацию закрытой.

## /checkin и /door
adm-checkin-usage = Пришлите код для входа, например /checkin ABC234
adm-checkin-ok = ✅ <b>{ $name }</b>, { $org }: добро пожаловать! Отмечено мест: { $arrived } из { $seated }.
adm-checkin-already = ⚠️ <b>{ $name }</b>, { $org }: приход уже отмечен в { $at }, отметил(а) { $by }. Не использовали ли код дважды? Отмечено мест: { $arrived } из { $seated }.
adm-checkin-unknown = ❌ Ни у одного места нет кода <code>{ $code }</code>. Проверьте написание. При отмене регистрации или переводе в онлайн код перестаёт действовать, а у людей из листа ожидания кода ещё нет: найдите человека через /door.
adm-door-head = 🚪 <b>Вход</b>: пришли { $arrived } из { $seated } · зал на { $capacity }
adm-door-row = { $mark } { $name } · { $org } · <code>{ $code }</code>
adm-door-empty = 🚪 Мест пока ни у кого нет.

## /export
adm-export-caption = { $count } { $count ->
    [one] регистрация
    [few] регистрации
   *[other] регистраций
    } · время: { $tz }

## /log
adm-log-head = 🕓 <b>Последние действия организаторов</b>
adm-log-empty = Действий организаторов пока не было.
adm-log-row = { $at } · { $admin } · { $action }{ $target }{ $details }
adm-act-capacity = число мест
adm-act-intake = переключение регистрации
adm-act-cancel = отмена
adm-act-online = перевод в онлайн
adm-act-promote = выдача места
adm-act-checkin = отметка прихода
adm-act-export = выгрузка
adm-act-broadcast = рассылка

## /broadcast
adm-cast-ask = ✉️ Пришлите сообщение для участников. Форматирование сохранится.
adm-btn-stop = ✖️ Отмена
adm-cast-text-only = Рассылать можно только текст. Пришлите сообщение текстом.
adm-cast-replaced = ✏️ Последнее сообщение заменило предыдущий текст. Чтобы разослать оба, пришлите их одним сообщением.
adm-cast-audience = Кому отправить?
adm-btn-aud = { $audience } ({ $count })
adm-cast-nobody = В этой аудитории никого нет. Выберите другую.
adm-cast-preview = Предпросмотр: участники увидят ровно это сообщение.
adm-cast-confirm = Отправить сообщение ниже: <b>{ $count }</b> { $count ->
    [one] получатель
    [few] получателя
   *[other] получателей
    } ({ $audience })?
adm-btn-send = 📤 Отправить
adm-cast-started = 📤 Отправляю: { $count } { $count ->
    [one] получатель
    [few] получателя
   *[other] получателей
    } ({ $audience }). Когда закончу, пришлю отчёт сюда.
adm-cast-stopped = Рассылка отменена; ничего не отправлено.
adm-cast-stale = Этот черновик рассылки уже закрыт. /broadcast начнёт новый.
adm-cast-not-yet = Кто пришёл, известно после начала мероприятия: эта аудитория появится после старта.

## /broadcast written once per language
adm-cast-everyone = 🌐 для всех
adm-cast-draft =
    ✍️ Это сообщение: <b>{ $last }</b>. Версии в черновике: { $versions }.
    Каждый получит версию на своём языке, иначе — версию для всех. Добавьте версию для другого языка кнопками ниже.
adm-btn-cast-for-all = 🌐 Отправить это всем
adm-btn-cast-only = Только { $language }
adm-btn-cast-add = ➕ Версия: { $language }
adm-cast-add-ask = Пришлите следующим сообщением версию для читающих на языке { $language }.
adm-cast-preview-version = Предпросмотр, { $version }: получат { $count } ({ $readers }).

## /reminders
adm-reminders-head = ⏰ <b>Напоминания</b>
adm-reminders-none = Напоминания не настроены.
adm-reminder-row = { $due } · за { $before } · { $audience } · { $state }: отправлено { $sent }, недоступны { $unreachable }, ошибки { $failed }, в очереди { $pending }, пропущено { $skipped }
adm-rstate-scheduled = запланировано
adm-rstate-running = отправляется
adm-rstate-done = отправлено
adm-rstate-skipped = пропущено

## Текущее событие (над каждым ответом консоли) и /events
adm-pin = 📌 { $title } · { $when }
adm-events-head = 🗓 <b>События</b> · 📌 то, с которым работает консоль; нажмите другое, чтобы переключиться.
adm-events-upcoming = <b>Предстоящие</b>
adm-events-past = <b>Прошедшие</b>
adm-events-row = { $mark } <b>{ $title }</b> · { $when } ({ $tz }) · 🪑 { $seated }/{ $capacity } · ⏳ { $waitlisted } · 💻 { $online }
adm-ev-chosen =
    ✅ Теперь консоль работает с этим событием:
    { $pin }
adm-ev-no-such = Такого события больше нет.

## /newevent и /editevent
adm-ev-begin-new = 🆕 <b>Новое событие</b> — копия текущего, без его текстов на других языках (их предложу в конце). Присылайте только то, что меняется; остальное — кнопкой «Оставить».
adm-ev-begin-edit = ✏️ <b>Правка текущего события</b>. Присылайте только то, что меняется; остальное — кнопкой «Оставить».
adm-ev-ask-title = Название? Сейчас: <b>{ $now }</b>
adm-ev-ask-when = Дата и время, местное время { $tz }, в виде 2027-03-20 18:00? Сейчас: <b>{ $now }</b>
adm-ev-ask-capacity = Мест в зале (офлайн)? Сейчас: <b>{ $now }</b>
adm-ev-ask-venue = Место проведения? Сейчас: <b>{ $now }</b>
adm-ev-ask-zoom_id = Идентификатор конференции Zoom? Сейчас: <b>{ $now }</b>
adm-ev-ask-zoom_url = Ссылка на Zoom? Сейчас: { $now }
adm-ev-ask-stream_url = Ссылка на трансляцию? Сейчас: { $now }
adm-ev-ask-address = Адрес (показывается после места)? Сейчас: { $now }
adm-ev-ask-organisers = Организаторы? Сейчас: { $now }
adm-ev-ask-agenda = Программа, по пункту в строке? Сейчас:
    { $now }
adm-ev-ask-zoom_passcode = Код доступа Zoom (его видят только участники онлайн)? Сейчас: { $now }
adm-ev-ask-text =
    Тексты на языке «{ $language }»: название, место и адрес, каждое в своей строке ({ "-" } в строке — оставить как в вашем тексте). Если не задать, читатели на этом языке увидят ваш текст. Сейчас:
    { $now }
adm-ev-falls-back = (как в вашем тексте)
adm-ev-empty-hint = Пришлите { $empty }, чтобы оставить пустым.
adm-ev-none = (нет)
adm-btn-keep-value = ✔️ Оставить
adm-btn-save = ✅ Сохранить
adm-ev-field-title = Название
adm-ev-field-when = Дата и время
adm-ev-field-capacity = Мест
adm-ev-field-venue = Место
adm-ev-field-zoom_id = Zoom ID
adm-ev-field-zoom_url = Ссылка на Zoom
adm-ev-field-stream_url = Трансляция
adm-ev-field-address = Адрес
adm-ev-field-organisers = Организаторы
adm-ev-field-agenda = Программа
adm-ev-field-zoom_passcode = Код доступа Zoom
adm-ev-field-text = { $language }
adm-ev-bad-lines = Не больше { $max } строк: название, место, адрес.
adm-ev-line = { $mark } { $name }: { $value }
adm-ev-bad-text = Пришлите, пожалуйста, текст.
adm-ev-bad-empty = Это поле не может быть пустым.
adm-ev-bad-long = Слишком длинно: { $length } { $length ->
    [one] символ
    [few] символа
   *[other] символов
    }, можно не больше { $max }.
adm-ev-bad-link = Пришлите ссылку, начинающуюся с https:// (или { "-" }, если ссылки нет).
adm-ev-bad-when = Не удалось прочитать дату. Напишите её в виде 2027-03-20 18:00.
adm-ev-bad-past = Этот момент уже прошёл. Укажите дату и время в будущем.
adm-ev-bad-past-kept = Скопированная дата уже прошла: пришлите дату и время нового события.
adm-ev-bad-capacity = Укажите целое число мест от 0 до { $max }.
adm-ev-bad-taken = Отказано: уже занято мест — { $seated }, поэтому зал нельзя уменьшить до { $capacity }. Сначала отмените регистрации или переведите людей в онлайн (/list) либо укажите число побольше.
adm-ev-preview-new = 🆕 <b>Новое событие</b> (✏️ — изменено). Сохранить?
adm-ev-preview-edit = ✏️ <b>Событие с вашими правками</b> (✏️ — изменено). Сохранить?
adm-ev-unchanged = Пока ничего не изменено.
adm-ev-use-buttons = Воспользуйтесь кнопками под предпросмотром: «Сохранить» или «Отмена».
adm-ev-stopped = Черновик отменён; ничего не изменено.
adm-ev-stale = Этот черновик уже завершён или ушёл дальше. /newevent или /editevent начнут заново.
adm-ev-changed = ⚠️ Не сохранено: событие изменилось после начала этого черновика ({ $fields }) — другим организатором или командой. Из черновика ничего не применено. Начать заново с события, каким оно стало?
adm-ev-field-intake = регистрация открыта или закрыта
adm-btn-again = 🔄 Начать заново
adm-ev-other = Консоль теперь работает с другим событием; черновик отменён.
adm-ev-in-config = Это событие задано в файле настроек: измените его там, в { $where }, и перезапустите бота. Здесь ничего не изменено.
adm-ev-created =
    ✅ Событие создано; консоль теперь работает с ним:
    { $pin }

    Ссылки, чтобы поделиться:
    Регистрация: { $link }
    Офлайн: { $offline }
    Онлайн: { $online }
adm-ev-saved =
    ✅ Сохранено.
    { $pin }
adm-ev-telling = 📣 Сообщаю зарегистрированным ({ $count }) о новом времени или месте.
# The approval step of /newevent and /editevent (issue 21).
adm-ev-ask-approval = Каждая регистрация ждёт одобрения организаторов? Сейчас: <b>{ $now }</b>
    Нажмите кнопку или напишите да или нет.
adm-ev-field-approval = Одобрение
adm-ev-approval-on = каждая регистрация ждёт одобрения
adm-ev-approval-off = регистрации подтверждаются сразу
adm-btn-approval-on = ⏳ Каждая регистрация ждёт нашего одобрения
adm-btn-approval-off = ✅ Подтверждать регистрации сразу
adm-ev-bad-approval = Нажмите одну из кнопок или напишите да или нет.
adm-ev-approval-off-waiting = ⚠️ Ещё { $count } { $count ->
    [one] анкета ждёт
    [few] анкеты ждут
   *[many] анкет ждут
    } одобрения. Если отключить одобрение, они сразу будут подтверждены в порядке регистрации (место, если есть свободное, иначе онлайн и лист ожидания), и каждому человеку придёт сообщение. Чтобы кому-то отказать, сначала воспользуйтесь /pending.
adm-ev-admitted = ✅ Подтверждено ожидавших анкет: { $count }; каждому человеку отправляется сообщение.
adm-form-btn-approval-off-sure = ✅ Отключить и подтвердить их
adm-form-btn-back = ↩️ Назад
admitted-head = ✅ <b>Регистрация на «{ $title }» больше не ждёт одобрения: ваша регистрация подтверждена.</b>
adm-act-newevent = новое событие
adm-act-editevent = правка события

## Сообщается зарегистрированным, когда организатор меняет событие (на их языке)
event-changed = ℹ️ В событии «{ $title }» изменения:
event-changed-time = 🕒 Время: { $old } → <b>{ $new }</b>
event-changed-venue = 📍 Место: { $old } → <b>{ $new }</b>

## /broadcast людям другого события
adm-btn-others = 📨 Зарегистрированным на другое событие
adm-cast-others =
    Чьим участникам отправить? В сообщении будет кнопка, открывающая текущее событие:
    { $current }
adm-cast-confirm-invite = Отправить сообщение ниже <b>{ $count }</b> { $count ->
    [one] зарегистрированному
   *[other] зарегистрированным
    } на «{ $past }» с кнопкой, открывающей «{ $current }»?
adm-cast-started-invite = 📤 Отправляю { $count } { $count ->
    [one] зарегистрированному
   *[other] зарегистрированным
    } на «{ $past }», с приглашением на «{ $current }». Сообщу здесь, когда закончу.
adm-retention-warning = 🔒 Завтра персональные данные «{ $title }» будут удалены (хранятся { $days } { $days ->
    [one] день
    [few] дня
   *[other] дней
    } после мероприятия). Если список нужен, выгрузите его сейчас.
adm-btn-export-now = ⬇️ Выгрузить сейчас
adm-export-gone = Этого мероприятия больше нет.
help-admin =
    <b>Консоль организатора</b>
    { $commands }
adm-draft-cancelled = Черновик отброшен; ничего не изменено.
## /log: the ledger's words in the stored details
adm-word-ok = успешно
adm-word-already = уже отмечен(а)
adm-word-unknown = не найден
adm-word-full = мест нет
adm-word-not-waitlisted = не в листе ожидания
adm-word-refused = отказано
adm-word-taken = занято
adm-word-rows = строк
adm-word-was = было
adm-word-seated = место в зале
adm-word-waitlisted = лист ожидания
adm-word-online = онлайн
adm-word-offline = офлайн
adm-word-open = открыта
adm-word-closed = закрыта
adm-word-online-only = только онлайн
adm-word-promoted = получили место
adm-word-to = →
adm-word-all = всем

## Participants' own steps, told to the organisers (issue 19)
adm-digest-head = 📮 <b>{ $title }</b>: что сделали участники
adm-digest-self-cancel = { $at } · { $name } отменил(а) регистрацию
adm-digest-self-release = { $at } · { $name } ответил(а) «Нет, освободить место»: место передано дальше
adm-digest-self-erase = { $at } · { $name }: участник удалил свои данные (/forget_me)
adm-digest-other = { $at } · { $name }: { $action }
adm-log-participant = участник
adm-act-self-cancel = отмена (самим участником)
adm-act-self-release = «Нет, освободить место»
adm-act-self-erase = удалил(а) свои данные

## /export as a workbook (issue 19)
adm-sheet-title = Регистрации
adm-col-id = №
adm-col-name = Имя
adm-col-org = Организация
adm-col-role = Роль
adm-col-phone = Телефон
adm-col-state = Состояние
adm-col-format = Формат
adm-col-code = Код входа
adm-col-registered = Регистрация ({ $tz })
adm-col-cancelled = Отмена ({ $tz })
adm-col-arrived = Пришёл ({ $tz })
adm-col-language = Язык
adm-col-consent = Согласие ({ $tz })
adm-col-consent-version = Версия уведомления
adm-col-rating = Оценка
adm-col-comment = Комментарий
adm-col-certificate = Сертификат
adm-state-seated = место в зале
adm-state-waitlisted = лист ожидания №{ $position }
adm-state-online = онлайн
adm-state-cancelled = отменена
adm-format-offline = в зале
adm-format-online = онлайн

## Approval: the organiser's side (issue 21 follow-ups)
declined-contact = 📞 С вопросами звоните организаторам: { $phone }
declined-contact-none = С вопросами обращайтесь к организаторам.
adm-waiting-details =
    <b>{ $name }</b>
    { $org } · { $role }
    📞 { $phone }
    ⏳ { $format } · ждёт одобрения с { $since } · язык: { $language }
adm-waiting-cut = (длинные ответы здесь сокращены; полностью они в /export)
adm-pending-pick = Нажмите на имя, чтобы увидеть всю анкету и решить.
adm-pending-elsewhere = Одобрения ждут на другие мероприятия: { $events }. Чтобы увидеть их, выберите мероприятие в /events, затем /pending.
adm-pending-elsewhere-row = «{ $title }» ({ $count })
adm-approved-all-split = Одобрено: { $count } ({ $parts }). Каждому сообщено.
adm-approved-part-seat = место в зале: { $count }
adm-approved-part-waitlist = зал был полон, онлайн + лист ожидания: { $count }
adm-approved-part-online = онлайн: { $count }
adm-btn-pending-list = ⬅️ К списку ждущих
adm-state-pending = ждёт одобрения
adm-export-waiting = ждут одобрения: { $count } (состояние «ждёт одобрения»)
