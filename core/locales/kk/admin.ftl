## Ұйымдастырушы консолі (тек әкімшілерге) және командалар мәзірі

## Командалар мәзірі (сипаттамалар, 256 таңбадан аспайды)
cmd-start = Іс-шара және тіркеу
cmd-my = Менің тіркеуім
cmd-help = Бот не істей алады
cmd-cancel = Сауалнамадан немесе жобадан шығу
cmd-events = Іс-шаралар: тізім және ағымдағысын таңдау
cmd-newevent = Келесі іс-шараны құру
cmd-editevent = Ағымдағы іс-шараны өзгерту
cmd-stats = Сандар бір қарағанда
cmd-list = Тіркеулер тізімі және әрекеттер
cmd-door = Кіреберістегі белгілері бар тізім
cmd-checkin = Келгенін белгілеу: /checkin КОД
cmd-capacity = Орын саны: /capacity N
cmd-close = Жаңа тіркеуді тоқтату
cmd-open = Тіркеуді қайта ашу
cmd-broadcast = Қатысушыларға жазу
cmd-reminders = Еске салғыштардың күйі
cmd-export = Барлық тіркеулердің Excel файлы (/export csv: CSV)
cmd-log = Ұйымдастырушылардың соңғы әрекеттері

## Ортақ бөліктер
adm-aud-all = барлығы
adm-aud-offline = офлайн
adm-aud-online = онлайн
adm-aud-waitlist = күту тізімі
adm-aud-attended = келгендер
adm-aud-absent = келмегендер
adm-intake-open = ашық
adm-intake-online-only = тек онлайн (зал жабық)
adm-intake-closed = жабық
adm-status-seated = 🪑 код <code>{ $code }</code>
adm-status-arrived = ✅ код <code>{ $code }</code>, { $at } келді
adm-status-waitlisted = ⏳ күту тізімі, №{ $position }
adm-status-online = 💻 онлайн
adm-status-cancelled = ✖️ күші жойылған
adm-no-such = Мұндай тіркеу жоқ.

## /stats
adm-stats =
    📊 <b>{ $title }</b>
    🪑 Бос емес орындар: { $capacity } орынның { $seated } (бос { $free })
    ⏳ Күту тізімі: { $waitlisted }
    💻 Онлайн: { $online }{ $pending }
    ✖️ Бас тартқандар: { $cancelled }
    ✅ Келгендер: { $seated } адамның { $checked }
    📵 Қолжетімсіз: { $unreachable }
    🚪 Тіркеу: { $intake }
    { $pace }

    <b>Күн сайынғы жаңа тіркеулер</b>
    { $days }

    { $reminder }
adm-stats-day = { $day }: { $count }
adm-stats-no-days = әзірге жоқ
adm-next-reminder = ⏰ Келесі еске салу: { $due } ({ $before } бұрын, { $audience }); алушылар: { $count }.
adm-no-reminder = ⏰ Жоспарланған еске салулар жоқ.
adm-pace = 📨 Жіберу: секундына { $rate } хабар, баптаудағыдай; жіберуді күтуде: { $waiting }
adm-pace-slowed = 📨 Жіберу: секундына { $configured } орнына { $rate } хабар: Telegram хабарларды қабылдамады, сондықтан бот баяулады; жылдамдық өздігінен қайта артады. Жіберуді күтуде: { $waiting }

## /list және карточка
adm-list-choose = Қай тізім?
adm-list-not-grouped = «{ $asked }» — жауап нұсқалары бар сұрақ емес; жауаптар бойынша: { $ids }.
adm-list-no-grouped = «{ $asked }» — жауап нұсқалары бар сұрақ емес, ал бұл сауалнамада ондай сұрақ жоқ.
adm-kind-offline = 🪑 Офлайн
adm-kind-waitlist = ⏳ Күту тізімі
adm-kind-online = 💻 Онлайн
adm-kind-all = 📋 Барлығы
adm-btn-kind = { $kind } ({ $count })
adm-list-head = <b>{ $kind }</b>: { $total } · { $pages } беттің { $page }-беті
adm-list-empty = <b>{ $kind }</b>: ешкім жоқ.
adm-list-row = { $n }. <b>{ $name }</b>, { $org } ({ $role }) · { $phone } · { $status }
adm-erased = (деректер жойылды)
adm-list-row-erased = { $n }. <i>{ $erased }</i> · { $status }
adm-details-erased =
    <i>{ $erased }</i> · #{ $id }
    { $status }
    Тіркелген уақыты: { $created } · тілі: { $language }
adm-btn-prev = ◀️ Артқа
adm-btn-next = Әрі қарай ▶️
adm-btn-lists = ⬅️ Тізімдер
adm-btn-to-list = ⬅️ Тізімге
adm-details =
    <b>{ $name }</b> · #{ $id }
    { $org } · { $role }
    📞 { $phone }
    { $status }
    Тіркелген уақыты: { $created } · тілі: { $language }
adm-details-cancelled = Күші жойылды: { $at }
adm-details-unreachable = 📵 { $at } бастап қолжетімсіз
adm-btn-checkin = ✅ Келгенін белгілеу
adm-btn-online = 💻 Онлайнға ауыстыру
adm-btn-promote = 🪑 Орын беру
adm-btn-cancel = ✖️ Тіркеудің күшін жою
adm-btn-no = Жоқ, қалсын
adm-btn-yes-cancel = Иә, күшін жою
adm-btn-yes-online = Иә, онлайнға ауыстыру
adm-sure-cancel = <b>{ $name }</b> тіркеуінің күшін жою керек пе? Орны болса, ол күту тізіміндегі біріншіге өтеді. Адамға хабарлама барады.
adm-sure-online = <b>{ $name }</b> онлайнға ауыстырылсын ба? Орын немесе күту тізіміндегі кезек жоғалады (орын күту тізіміндегі біріншіге өтеді). Адамға хабарлама барады.
adm-done-cancel = Тіркеудің күші жойылды; адамға хабарланды.
adm-done-online = Онлайнға ауыстырылды; адамға хабарланды.
adm-done-promote = Орын берілді; адамға кіру коды жіберілді.
adm-done-checkin = Келгені белгіленді.
adm-done-promoted = Күту тізімінен кезек бойынша орын алғандар (оларға хабарланды): { $names }
adm-stale = Бұл тіркеу өзгеріп үлгерді. Қазір ол осындай; әрекет әлі қажет болса, қайта басыңыз.
adm-refuse-room-full = Бос орын жоқ. Алдымен залды үлкейтіңіз: /capacity N (үлкейткенде орындар күту тізіміне кезек бойынша беріледі).
adm-refuse-not-waitlisted = Бұл адам енді күту тізімінде жоқ.

## Қатысушыға хабарламалар (оның тілінде)
by-organiser-cancelled = Ұйымдастырушылар «{ $title }» іс-шарасына тіркеуіңіздің күшін жойды. Сұрақтар: { $phone }
by-organiser-online = Ұйымдастырушылар сізді онлайн қатысуға ауыстырды; кіру кодыңыз болса, оның күші енді жоқ.

## /capacity
adm-capacity-now = 🪑 Зал: { $capacity } орын, бос еместері { $seated }, күту тізімінде { $waitlisted }. Өзгерту: /capacity N
adm-capacity-usage = 0-ден { $max }-ге дейінгі бүтін орын санын көрсетіңіз, мысалы /capacity 12
adm-capacity-set = 🪑 Енді залда { $capacity } орын (бос еместері { $seated }).
adm-capacity-refused = Бас тартылды: { $seated } орын бос емес, сондықтан залды { $capacity } орынға дейін азайтуға болмайды. Ешкім орнынан үнсіз айырылмайды: алдымен тіркеулердің күшін жойыңыз немесе адамдарды онлайнға ауыстырыңыз (/list), содан кейін қайталаңыз.

## /close және /open
adm-close-ask = Қазір тіркеу: { $intake }. Нені тоқтату керек?
adm-btn-close-offline = 🪑 Тек офлайн (онлайн ашық қалады)
adm-btn-close-all = 🚫 Барлық жаңа тіркеулер
adm-btn-keep = Қалай болса, солай қалсын
adm-intake-set = 🚪 Енді тіркеу: { $intake }. Бар тіркеулер өзгермейді.
adm-intake-kept = Ештеңе өзгерген жоқ; тіркеу: { $intake }.
adm-intake-deadline = Назар аударыңыз: баптаулардағы тіркеу мерзімі өтіп кетті, сондықтан қатысушылар тіркеуді бәрібір жабық деп көреді.

## /checkin және /door
adm-checkin-usage = Кіру кодын жіберіңіз, мысалы /checkin ABC234
adm-checkin-ok = ✅ <b>{ $name }</b>, { $org }: қош келдіңіз! Белгіленген орындар: { $seated } ішінен { $arrived }.
adm-checkin-already = ⚠️ <b>{ $name }</b>, { $org }: келгені { $at } белгіленген, белгілеген: { $by }. Код екі рет қолданылған жоқ па? Белгіленген орындар: { $seated } ішінен { $arrived }.
adm-checkin-unknown = ❌ Ешбір орында <code>{ $code }</code> коды жоқ. Жазылуын тексеріңіз. Тіркеудің күші жойылса немесе онлайнға ауыстырылса, кодтың күші жойылады, ал күту тізіміндегілерде әлі код жоқ: адамды /door арқылы табыңыз.
adm-door-head = 🚪 <b>Кіреберіс</b>: { $seated } адамның { $arrived } келді · зал { $capacity } орындық
adm-door-row = { $mark } { $name } · { $org } · <code>{ $code }</code>
adm-door-empty = 🚪 Әзірге ешкімде орын жоқ.

## /export
adm-export-caption = Тіркеулер: { $count } · уақыт: { $tz }

## /log
adm-log-head = 🕓 <b>Ұйымдастырушылардың соңғы әрекеттері</b>
adm-log-empty = Ұйымдастырушылар әлі ешқандай әрекет жасаған жоқ.
adm-log-row = { $at } · { $admin } · { $action }{ $target }{ $details }
adm-act-capacity = орын саны
adm-act-intake = тіркеуді ауыстыру
adm-act-cancel = күшін жою
adm-act-online = онлайнға ауыстыру
adm-act-promote = орын беру
adm-act-checkin = келгенін белгілеу
adm-act-export = жүктеп алу
adm-act-broadcast = тарату

## /broadcast
adm-cast-ask = ✉️ Қатысушыларға арналған хабарламаны жіберіңіз. Пішімі сақталады.
adm-btn-stop = ✖️ Болдырмау
adm-cast-text-only = Тек мәтінді таратуға болады. Хабарламаны мәтінмен жіберіңіз.
adm-cast-replaced = ✏️ Соңғы хабарламаңыз алдыңғы мәтінді ауыстырды. Екеуін де тарату үшін оларды бір хабарлама етіп жіберіңіз.
adm-cast-audience = Кімге жіберу керек?
adm-btn-aud = { $audience } ({ $count })
adm-cast-nobody = Бұл аудиторияда ешкім жоқ. Басқасын таңдаңыз.
adm-cast-preview = Алдын ала қарау: қатысушылар дәл осы хабарламаны көреді.
adm-cast-confirm = Төмендегі хабарлама <b>{ $count }</b> алушыға ({ $audience }) жіберілсін бе?
adm-btn-send = 📤 Жіберу
adm-cast-started = 📤 Жіберіп жатырмын: { $count } алушы ({ $audience }). Аяқтағанда есепті осында жіберемін.
adm-cast-stopped = Тарату болдырылмады; ештеңе жіберілген жоқ.
adm-cast-stale = Бұл тарату жобасы жабылған. /broadcast жаңасын бастайды.
adm-cast-not-yet = Кім келгені іс-шара басталғаннан кейін белгілі болады: бұл аудитория басталғаннан кейін ұсынылады.

## /broadcast written once per language
adm-cast-everyone = 🌐 барлығына
adm-cast-draft =
    ✍️ Бұл хабарлама: <b>{ $last }</b>. Жобадағы нұсқалар: { $versions }.
    Әркім өз тіліндегі нұсқаны алады, болмаса барлығына арналғанын. Басқа тілге нұсқаны төмендегі батырмалармен қосыңыз.
adm-btn-cast-for-all = 🌐 Мұны барлығына жіберу
adm-btn-cast-only = Тек { $language }
adm-btn-cast-add = ➕ Нұсқа: { $language }
adm-cast-add-ask = { $language } тілінде оқитындарға арналған нұсқаны келесі хабарламамен жіберіңіз.
adm-cast-preview-version = Алдын ала қарау, { $version }: { $count } адам алады ({ $readers }).

## /reminders
adm-reminders-head = ⏰ <b>Еске салғыштар</b>
adm-reminders-none = Еске салғыштар бапталмаған.
adm-reminder-row = { $due } · { $before } бұрын · { $audience } · { $state }: жіберілді { $sent }, қолжетімсіз { $unreachable }, қате { $failed }, кезекте { $pending }, өткізілді { $skipped }
adm-rstate-scheduled = жоспарланды
adm-rstate-running = жіберілуде
adm-rstate-done = жіберілді
adm-rstate-skipped = өткізілді

## Ағымдағы іс-шара (консольдің әр жауабының үстінде) және /events
adm-pin = 📌 { $title } · { $when }
adm-events-head = 🗓 <b>Іс-шаралар</b> · 📌 консоль жұмыс істеп тұрғаны; ауысу үшін басқасын басыңыз.
adm-events-upcoming = <b>Алдағы</b>
adm-events-past = <b>Өткен</b>
adm-events-row = { $mark } <b>{ $title }</b> · { $when } ({ $tz }) · 🪑 { $seated }/{ $capacity } · ⏳ { $waitlisted } · 💻 { $online }
adm-ev-chosen =
    ✅ Енді консоль осы іс-шарамен жұмыс істейді:
    { $pin }
adm-ev-no-such = Мұндай іс-шара енді жоқ.

## /newevent және /editevent
adm-ev-begin-new = 🆕 <b>Жаңа іс-шара</b> — ағымдағысының көшірмесі, басқа тілдердегі мәтіндерінсіз (оларды соңында ұсынамын). Тек өзгеретінін жіберіңіз; қалғанына — «Қалдыру» батырмасы.
adm-ev-begin-edit = ✏️ <b>Ағымдағы іс-шараны түзету</b>. Тек өзгеретінін жіберіңіз; қалғанына — «Қалдыру» батырмасы.
adm-ev-ask-title = Атауы? Қазір: <b>{ $now }</b>
adm-ev-ask-when = Күні мен уақыты, { $tz } жергілікті уақытымен, 2027-03-20 18:00 түрінде? Қазір: <b>{ $now }</b>
adm-ev-ask-capacity = Залдағы орын саны (офлайн)? Қазір: <b>{ $now }</b>
adm-ev-ask-venue = Өтетін орны? Қазір: <b>{ $now }</b>
adm-ev-ask-zoom_id = Zoom конференциясының идентификаторы? Қазір: <b>{ $now }</b>
adm-ev-ask-zoom_url = Zoom сілтемесі? Қазір: { $now }
adm-ev-ask-stream_url = Трансляция сілтемесі? Қазір: { $now }
adm-ev-ask-address = Мекенжай (өтетін жерден кейін көрсетіледі)? Қазір: { $now }
adm-ev-ask-organisers = Ұйымдастырушылар? Қазір: { $now }
adm-ev-ask-agenda = Бағдарлама, әр тармақ жеке жолда? Қазір:
    { $now }
adm-ev-ask-zoom_passcode = Zoom кіру коды (оны тек онлайн қатысушылар көреді)? Қазір: { $now }
adm-ev-ask-text =
    «{ $language }» тіліндегі мәтіндер: атауы, өтетін жері және мекенжайы, әрқайсысы жеке жолда (жолда { "-" } — сіздің мәтініңіздегідей қалады). Берілмесе, бұл тілде оқитындар сіздің мәтініңізді көреді. Қазір:
    { $now }
adm-ev-falls-back = (сіздің мәтініңіздегідей)
adm-ev-empty-hint = Бос қалдыру үшін { $empty } жіберіңіз.
adm-ev-none = (жоқ)
adm-btn-keep-value = ✔️ Қалдыру
adm-btn-save = ✅ Сақтау
adm-ev-field-title = Атауы
adm-ev-field-when = Күні мен уақыты
adm-ev-field-capacity = Орын саны
adm-ev-field-venue = Өтетін орны
adm-ev-field-zoom_id = Zoom ID
adm-ev-field-zoom_url = Zoom сілтемесі
adm-ev-field-stream_url = Трансляция
adm-ev-field-address = Мекенжай
adm-ev-field-organisers = Ұйымдастырушылар
adm-ev-field-agenda = Бағдарлама
adm-ev-field-zoom_passcode = Zoom кіру коды
adm-ev-field-text = { $language }
adm-ev-bad-lines = Ең көбі { $max } жол: атауы, өтетін жері, мекенжайы.
adm-ev-line = { $mark } { $name }: { $value }
adm-ev-bad-text = Мәтін жіберіңіз.
adm-ev-bad-empty = Бұл өріс бос болмауы керек.
adm-ev-bad-long = Тым ұзын: { $length } таңба, { $max } таңбадан аспауы керек.
adm-ev-bad-link = https:// деп басталатын сілтеме жіберіңіз (немесе сілтеме болмаса, { "-" }).
adm-ev-bad-when = Күнді оқи алмадым. Оны 2027-03-20 18:00 түрінде жазыңыз.
adm-ev-bad-past = Бұл уақыт өтіп кетті. Болашақтағы күн мен уақытты көрсетіңіз.
adm-ev-bad-past-kept = Көшірілген күн өтіп кетті: жаңа іс-шараның күні мен уақытын жіберіңіз.
adm-ev-bad-capacity = 0-ден { $max }-ге дейінгі бүтін орын санын көрсетіңіз.
adm-ev-bad-taken = Бас тартылды: { $seated } орын бос емес, сондықтан залды { $capacity } орынға дейін азайтуға болмайды. Алдымен тіркеулердің күшін жойыңыз немесе адамдарды онлайнға ауыстырыңыз (/list), не үлкенірек сан көрсетіңіз.
adm-ev-preview-new = 🆕 <b>Жаңа іс-шара</b> (✏️ — өзгертілген). Сақтау керек пе?
adm-ev-preview-edit = ✏️ <b>Сіздің түзетулеріңізбен іс-шара</b> (✏️ — өзгертілген). Сақтау керек пе?
adm-ev-unchanged = Әзірге ештеңе өзгертілген жоқ.
adm-ev-use-buttons = Алдын ала қараудың астындағы батырмаларды пайдаланыңыз: «Сақтау» немесе «Болдырмау».
adm-ev-stopped = Жоба болдырылмады; ештеңе өзгерген жоқ.
adm-ev-stale = Бұл жоба аяқталған немесе әрі қарай кеткен. /newevent немесе /editevent қайтадан бастайды.
adm-ev-changed = ⚠️ Сақталмады: бұл жоба басталғаннан кейін іс-шара өзгерді ({ $fields }) — басқа ұйымдастырушы немесе команда өзгертті. Жобадан ештеңе қолданылмады. Іс-шараның қазіргі күйінен қайта бастау керек пе?
adm-ev-field-intake = тіркеу ашық немесе жабық
adm-btn-again = 🔄 Қайта бастау
adm-ev-other = Консоль енді басқа іс-шарамен жұмыс істейді; жоба болдырылмады.
adm-ev-in-config = Бұл іс-шара баптаулар файлында берілген: оны сол жерде, { $where } бөлімінде өзгертіп, ботты қайта іске қосыңыз. Мұнда ештеңе өзгерген жоқ.
adm-ev-created =
    ✅ Іс-шара құрылды; енді консоль онымен жұмыс істейді:
    { $pin }

    Бөлісуге арналған сілтемелер:
    Тіркеу: { $link }
    Офлайн: { $offline }
    Онлайн: { $online }
adm-ev-saved =
    ✅ Сақталды.
    { $pin }
adm-ev-telling = 📣 Тіркелгендерге ({ $count }) жаңа уақыт немесе орын туралы хабарлап жатырмын.
# The approval step of /newevent and /editevent (issue 21).
adm-ev-ask-approval = Әр тіркелу ұйымдастырушылардың мақұлдауын күте ме? Қазір: <b>{ $now }</b>
    Батырманы басыңыз немесе иә не жоқ деп жазыңыз.
adm-ev-field-approval = Мақұлдау
adm-ev-approval-on = әр тіркелу мақұлдауды күтеді
adm-ev-approval-off = тіркелулер бірден расталады
adm-btn-approval-on = ⏳ Әр тіркелу біздің мақұлдауымызды күтеді
adm-btn-approval-off = ✅ Тіркелулерді бірден растау
adm-ev-bad-approval = Батырмалардың бірін басыңыз немесе иә не жоқ деп жазыңыз.
adm-ev-approval-off-waiting = ⚠️ Тағы { $count } өтінім мақұлдауды күтіп тұр. Мақұлдауды өшірсеңіз, олар тіркелу ретімен бірден расталады (бос орын болса — орын, болмаса — онлайн және күту тізімі), әр адамға хабарланады. Біреуін қабылдамау үшін алдымен /pending пайдаланыңыз.
adm-ev-admitted = ✅ Күтіп тұрған өтінімдер расталды: { $count }; әр адамға хабарланып жатыр.
adm-form-btn-approval-off-sure = ✅ Өшіріп, оларды растау
adm-form-btn-back = ↩️ Артқа
admitted-head = ✅ <b>«{ $title }» іс-шарасына тіркелу енді мақұлдауды күтпейді: сіздің тіркелуіңіз расталды.</b>
adm-act-newevent = жаңа іс-шара
adm-act-editevent = іс-шараны түзету

## Ұйымдастырушы іс-шараны өзгерткенде тіркелгендерге хабарланады (олардың тілінде)
event-changed = ℹ️ «{ $title }» іс-шарасында өзгерістер бар:
event-changed-time = 🕒 Уақыты: { $old } → <b>{ $new }</b>
event-changed-venue = 📍 Өтетін орны: { $old } → <b>{ $new }</b>

## Басқа іс-шара адамдарына /broadcast
adm-btn-others = 📨 Басқа іс-шараға тіркелгендерге
adm-cast-others =
    Қай іс-шараның қатысушыларына жіберу керек? Хабарламада ағымдағы іс-шараны ашатын батырма болады:
    { $current }
adm-cast-confirm-invite = Төмендегі хабарлама «{ $past }» іс-шарасына тіркелген <b>{ $count }</b> адамға «{ $current }» іс-шарасын ашатын батырмамен жіберілсін бе?
adm-cast-started-invite = 📤 «{ $past }» іс-шарасына тіркелген { $count } адамға «{ $current }» шақыруымен жіберіп жатырмын. Аяқтағанда осында хабарлаймын.
adm-retention-warning = 🔒 Ертең «{ $title }» іс-шарасының дербес деректері жойылады (іс-шарадан кейін { $days } күн сақталады). Тізім керек болса, оны қазір жүктеп алыңыз.
adm-btn-export-now = ⬇️ Қазір жүктеп алу
adm-export-gone = Бұл іс-шара енді жоқ.
help-admin =
    <b>Ұйымдастырушы консолі</b>
    { $commands }
adm-draft-cancelled = Жоба тасталды; ештеңе өзгертілген жоқ.
adm-word-ok = сәтті
adm-word-already = бұрын белгіленген
adm-word-unknown = табылмады
adm-word-full = орын жоқ
adm-word-not-waitlisted = күту тізімінде жоқ
adm-word-refused = бас тартылды
adm-word-taken = бос емес
adm-word-rows = жол
adm-word-was = бұрын
adm-word-seated = залдағы орын
adm-word-waitlisted = күту тізімі
adm-word-online = онлайн
adm-word-offline = офлайн
adm-word-open = ашық
adm-word-closed = жабық
adm-word-online-only = тек онлайн
adm-word-promoted = орын алды
adm-word-to = →
adm-word-all = барлығына

## Participants' own steps, told to the organisers (issue 19)
adm-digest-head = 📮 <b>{ $title }</b>: қатысушылар не істеді
adm-digest-self-cancel = { $at } · { $name } тіркеуден бас тартты
adm-digest-self-release = { $at } · { $name } «Жоқ, орнымды босату» деп жауап берді: орын келесіге өтті
adm-digest-self-erase = { $at } · { $name }: қатысушы өз деректерін жойды (/forget_me)
adm-digest-other = { $at } · { $name }: { $action }
adm-log-participant = қатысушы
adm-act-self-cancel = бас тарту (қатысушының өзі)
adm-act-self-release = «Жоқ, орнымды босату»
adm-act-self-erase = деректерін жойды

## /export as a workbook (issue 19)
adm-sheet-title = Тіркелулер
adm-col-id = №
adm-col-name = Аты-жөні
adm-col-org = Ұйым
adm-col-role = Рөлі
adm-col-phone = Телефон
adm-col-state = Күйі
adm-col-format = Формат
adm-col-code = Кіру коды
adm-col-registered = Тіркелді ({ $tz })
adm-col-cancelled = Бас тартты ({ $tz })
adm-col-arrived = Келді ({ $tz })
adm-col-language = Тілі
adm-col-consent = Келісім ({ $tz })
adm-col-consent-version = Хабарлама нұсқасы
adm-col-rating = Баға
adm-col-comment = Пікір
adm-col-certificate = Сертификат
adm-state-seated = залда орын
adm-state-waitlisted = күту тізімі №{ $position }
adm-state-online = онлайн
adm-state-cancelled = бас тартылды
adm-format-offline = залда
adm-format-online = онлайн

## Approval: the organiser's side (issue 21 follow-ups)
declined-contact = 📞 Сұрақтарыңыз болса, ұйымдастырушыларға қоңырау шалыңыз: { $phone }
declined-contact-none = Сұрақтарыңыз болса, ұйымдастырушыларға хабарласыңыз.
adm-waiting-details =
    <b>{ $name }</b>
    { $org } · { $role }
    📞 { $phone }
    ⏳ { $format } · { $since } бастап мақұлдауды күтуде · тілі: { $language }
adm-waiting-cut = (ұзын жауаптар мұнда қысқартылды; толығы /export ішінде)
adm-pending-pick = Бүкіл сауалнаманы көріп, шешім қабылдау үшін атын басыңыз.
adm-pending-elsewhere = Басқа іс-шараларға мақұлдауды күтіп тұрғандар бар: { $events }. Оларды көру үшін /events арқылы сол іс-шараны таңдап, сосын /pending жіберіңіз.
adm-pending-elsewhere-row = «{ $title }» ({ $count })
adm-approved-all-split = Мақұлданды: { $count } ({ $parts }). Әрқайсысына хабарланды.
adm-approved-part-seat = залдағы орын: { $count }
adm-approved-part-waitlist = зал толы болды, онлайн + күту тізімі: { $count }
adm-approved-part-online = онлайн: { $count }
adm-btn-pending-list = ⬅️ Күтіп тұрғандар тізіміне
adm-state-pending = мақұлдауды күтуде
adm-export-waiting = мақұлдауды күтуде: { $count } (күйі «мақұлдауды күтуде»)
