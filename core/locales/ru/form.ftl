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
answer-line-asked = { $label } { $value }
btn-done = ✅ Готово
error-email = Не похоже на адрес электронной почты. Пример: name@example.org.
error-number = Ответьте числом, например 5.
error-number-min = Число должно быть не меньше { $limit }.
error-number-max = Число должно быть не больше { $limit }.
error-phone-required = Не похоже на номер телефона. Пример: +7 777 123 45 67.
error-pick-one = Выберите хотя бы один вариант и нажмите «Готово».
privacy-own-questions =
    Это мероприятие также спрашивает:
    { $questions }
privacy-own-question = • { $label }

## Approval
pending-head = ⏳ <b>Спасибо! Ваша регистрация на «{ $title }» ждёт одобрения организаторов.</b> Я напишу вам, как только они решат. Пока её можно посмотреть в /my.
pending-my = ⏳ <b>{ $title }</b>
    Ваша регистрация ждёт одобрения организаторов. Я напишу вам, как только они решат.
approved-head = ✅ <b>Организаторы одобрили вашу регистрацию.</b>
declined = ✖️ Организаторы отклонили вашу регистрацию на «{ $title }».
pending-closed = Мероприятие «{ $title }» началось, а вашу регистрацию не успели одобрить: регистрация закрыта.
pending-form =
    { $name }, { $org } ({ $role }); телефон: { $phone }
    Формат: { $format }
pending-change = Чтобы изменить ответ, отзовите эту заявку и заполните анкету заново.
btn-withdraw = ✖️ Отозвать заявку
btn-withdraw-yes = Да, отозвать
btn-withdraw-no = Нет, оставить
ask-withdraw = Отозвать заявку на «{ $title }»? Организаторы её больше не увидят, и ничего из неё не сохранится. Потом анкету можно заполнить заново.
withdrawn = Ваша заявка на «{ $title }» отозвана, ничего из неё не сохранено. Можно зарегистрироваться снова.
withdraw-gone = Эта заявка больше не ждёт: организаторы уже решили или она отозвана. Откройте /my.
withdraw-kept = Ваша заявка по-прежнему ждёт одобрения организаторов.
forget-ask-waiting = Удалить все ваши персональные данные и отозвать заявку, которая ждёт одобрения организаторов? Отменить это будет нельзя.
adm-digest-withdrew = { $at } · участник отозвал(а) заявку, ждавшую одобрения
adm-act-withdrew = отозвал(а) заявку, ждавшую одобрения (сам участник)
cmd-pending = Регистрации, ждущие одобрения
cmd-form = Анкета мероприятия: её вопросы
adm-pending-new = 🆕 <b>Новая регистрация на «{ $title }»</b> ждёт одобрения:
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
adm-declined = Отклонено: { $name }. Участнику сообщено.
adm-decided-already = Уже решено или отозвано автором.
adm-stats-pending = 📝 Ждут одобрения: { $count }

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
adm-form-only-offline = только офлайн, после выбора формата
adm-form-only-online = только онлайн, после выбора формата
adm-form-approval = Регистрации ждут одобрения: /pending.
adm-form-config = Это мероприятие из файла конфигурации: вопросы меняются там ([[event.questions]] или [[events.questions]], порядок — `form`), затем перезапустите бота. Как — в разделе README «Your own questions».
adm-form-chat = Это мероприятие создано в чате: добавляйте, меняйте, поднимайте и удаляйте его вопросы кнопками ниже.
adm-form-btn-add = ➕ Добавить вопрос
adm-form-btn-up = ⬆️ { $n }
adm-form-btn-del = 🗑 { $n }
adm-form-btn-del-sure = 🗑 Удалить
adm-form-del-ask = Удалить вопрос «{ $label }»? Его больше не зададут, а данные ответы перестанут показываться в карточках, /list и выгрузке. Регистрации останутся как есть.
adm-form-btn-approval-on = Включить одобрение
adm-form-btn-approval-off = Выключить одобрение
adm-form-ask-kind = Какой ответ принимает новый вопрос?
adm-form-ask-label = Напишите вопрос так, как его прочтут участники.
adm-form-ask-options = Напишите варианты, по одному в строке (два или больше, до 60 символов каждый).
adm-form-bad-options = Эти варианты не подходят: нужно два или больше разных, по одному в строке, до 60 символов каждый.
adm-form-bad-label = Напишите вопрос (до 500 символов).
adm-form-preview = <b>Предпросмотр</b>, как его увидит участник:
adm-form-btn-save = ✅ Добавить в анкету
adm-form-btn-replace = ✅ Сохранить изменения
adm-form-btn-drop = ✖️ Отказаться
adm-form-changed = Мероприятие тем временем изменилось: ничего не сохранено. Откройте /form заново.
adm-form-now = Сейчас: { $now }
adm-form-ask-text-label = Вопрос на языке «{ $language }» так, как его прочтут? Отправьте { "-" }, и читающие на этом языке увидят основную формулировку: «{ $main }».
adm-form-ask-text-options =
    Его варианты на языке «{ $language }» (всего { $count }), по одному в строке, в этом порядке ({ "-" }: на этом языке будет основная формулировка, и вопроса тоже):
    { $options }
adm-form-text-now = Сейчас на языке «{ $language }»: { $now }
adm-form-text-was-main = Сейчас на языке «{ $language }» видна основная формулировка.
adm-form-btn-keep = ✔️ Оставить
adm-form-bad-count = Число вариантов должно быть { $count }, по одному в строке, в порядке основных.
adm-form-bad-text = Напишите это текстом.
adm-form-use-buttons = Воспользуйтесь кнопками под предпросмотром: добавить в анкету или отказаться.
adm-form-stale = Этот черновик вопроса уже закончен или ушёл дальше. /form — начать заново.
adm-form-keep-bad = Варианты на языке «{ $language }» не подходят (теперь вариантов: { $count }): напишите их заново или { "-" }.
adm-form-falls-back = (своей формулировки нет: видна основная)
adm-form-langs = формулировки: { $languages }, на остальных основная
adm-form-langs-all = формулировка на каждом языке
adm-form-langs-one = одна формулировка для всех языков
adm-decline-ask = Отклонить { $name }: напишите причину, её отправят участнику, или нажмите кнопку ниже.
adm-btn-decline-no-reason = ✖️ Отклонить без причины
declined-reason = Причина: { $reason }
adm-form-by = /list { $id }: кто что ответил
adm-form-by-head = <b>{ $label }</b>: активные регистрации по ответу
adm-form-by-row = { $answer } ({ $count }): { $names }
adm-form-btn-edit = ✏️ { $n }
