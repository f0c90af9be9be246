## The event's own questions (core/questions.py)
q-ask = { $label }
q-hint-multi = Бір немесе бірнеше нұсқаны таңдап, «Дайын» батырмасын басыңыз.
q-hint-number = Санмен жауап беріңіз.
q-hint-number-range = { $min } мен { $max } аралығындағы санмен жауап беріңіз.
q-hint-email = Электрондық пошта мекенжайыңызды жазыңыз, мысалы name@example.org.
q-hint-phone = Нөміріңізді батырмамен бөлісіңіз немесе жазыңыз.
q-hint-optional = Міндетті емес: «Өткізіп жіберу» батырмасын басуға болады.
answer-yes = Иә
answer-no = Жоқ
answer-none = көрсетілмеген
answer-line = { $label }: { $value }
answer-line-asked = { $label } { $value }
btn-done = ✅ Дайын
error-email = Электрондық пошта мекенжайына ұқсамайды. Мысалы: name@example.org.
error-number = Санмен жауап беріңіз, мысалы 5.
error-number-min = Сан кемінде { $limit } болуы керек.
error-number-max = Сан көп дегенде { $limit } болуы керек.
error-phone-required = Телефон нөміріне ұқсамайды. Мысалы: +7 777 123 45 67.
error-pick-one = Кемінде бір нұсқаны таңдап, «Дайын» батырмасын басыңыз.
privacy-own-questions =
    Бұл іс-шара тағы сұрайды:
    { $questions }
privacy-own-question = • { $label }

## Approval
pending-head = ⏳ <b>Рақмет! «{ $title }» іс-шарасына тіркелуіңіз ұйымдастырушылардың мақұлдауын күтуде.</b> Олар шешкен бойда сізге жазамын. Әзірге оны /my арқылы көруге болады.
pending-my = ⏳ <b>{ $title }</b>
    Тіркелуіңіз ұйымдастырушылардың мақұлдауын күтуде. Олар шешкен бойда сізге жазамын.
approved-head = ✅ <b>Ұйымдастырушылар тіркелуіңізді мақұлдады.</b>
declined = ✖️ Ұйымдастырушылар «{ $title }» іс-шарасына тіркелуіңізді қабылдамады.
pending-closed = «{ $title }» іс-шарасы басталды, ал тіркелуіңіз оған дейін мақұлданбады: тіркеу жабық.
pending-form =
    { $name }, { $org } ({ $role }); телефон: { $phone }
    Формат: { $format }
pending-change = Жауапты өзгерту үшін осы өтінімді кері қайтарып, сауалнаманы қайта толтырыңыз.
btn-withdraw = ✖️ Өтінімді кері қайтару
btn-withdraw-yes = Иә, кері қайтару
btn-withdraw-no = Жоқ, қалдыру
ask-withdraw = «{ $title }» іс-шарасына өтініміңізді кері қайтарасыз ба? Ұйымдастырушылар оны енді көрмейді, одан ештеңе сақталмайды. Кейін сауалнаманы қайта толтыруға болады.
withdrawn = «{ $title }» іс-шарасына өтініміңіз кері қайтарылды, одан ештеңе сақталмады. Қайта тіркелуге болады.
withdraw-gone = Бұл өтінім енді күтпейді: ұйымдастырушылар шешім қабылдады немесе ол кері қайтарылды. /my ашыңыз.
withdraw-kept = Өтініміңіз әлі де ұйымдастырушылардың мақұлдауын күтуде.
forget-ask-waiting = Барлық дербес деректеріңізді жойып, ұйымдастырушылардың мақұлдауын күтіп тұрған өтініміңізді кері қайтарасыз ба? Мұны қайтару мүмкін емес.
adm-digest-withdrew = { $at } · қатысушы мақұлдауды күтіп тұрған өтінімін кері қайтарды
adm-act-withdrew = мақұлдауды күткен өтінімді кері қайтарды (қатысушының өзі)
cmd-pending = Мақұлдауды күтіп тұрған тіркелулер
cmd-form = Іс-шара сауалнамасы: оның сұрақтары
adm-pending-new = 🆕 <b>«{ $title }» іс-шарасына жаңа тіркелу</b> мақұлдауды күтуде:
adm-pending-row = { $name }, { $org } ({ $role }); { $format }
adm-pending-head = <b>Мақұлдауды күтуде ({ $title }): { $count }</b>
adm-pending-none = «{ $title }» бойынша мақұлдауды ешкім күтпейді.
adm-pending-started = Іс-шара басталды: әлі күтіп тұрғандарға тіркеу жабық екені айтылды.
adm-btn-approve = ✅ Мақұлдау
adm-btn-decline = ✖️ Қабылдамау
adm-btn-approve-all = ✅ Барлығын мақұлдау
adm-approved = Мақұлданды: { $name } ({ $placement }). Қатысушыға хабарланды.
adm-approved-seat = залдағы орын
adm-approved-waitlist = зал толы: онлайн + күту тізімі
adm-approved-online = онлайн
adm-declined = Қабылданбады: { $name }. Қатысушыға хабарланды.
adm-decided-already = Шешіліп қойған немесе авторы кері қайтарып алған.
adm-stats-pending = 📝 Мақұлдауды күтуде: { $count }

## /form
adm-form-head = <b>«{ $title }» сауалнамасы</b>, сұрақтар ретімен:
adm-form-builtin = { $n }. { $label } (кіріктірілген)
adm-form-row = { $n }. { $label } ({ $details })
adm-form-kind-text = мәтін
adm-form-kind-choice = бір нұсқа
adm-form-kind-multi = бірнеше нұсқа
adm-form-kind-yesno = иә / жоқ
adm-form-kind-number = сан
adm-form-kind-email = пошта
adm-form-kind-phone = телефон
adm-form-optional = міндетті емес
adm-form-only-offline = тек офлайн, формат таңдалғаннан кейін
adm-form-only-online = тек онлайн, формат таңдалғаннан кейін
adm-form-approval = Тіркелулер мақұлдауды күтеді: /pending.
adm-form-config = Бұл іс-шара конфигурация файлынан: сұрақтарды сонда өзгертіңіз ([[event.questions]] немесе [[events.questions]], реті — `form`), содан кейін ботты қайта іске қосыңыз. Қалай екені README-дің «Your own questions» бөлімінде.
adm-form-chat = Бұл іс-шара чатта жасалған: оның сұрақтарын төмендегі батырмалармен қосыңыз, өзгертіңіз, жоғары жылжытыңыз немесе өшіріңіз.
adm-form-btn-add = ➕ Сұрақ қосу
adm-form-btn-up = ⬆️ { $n }
adm-form-btn-del = 🗑 { $n }
adm-form-btn-del-sure = 🗑 Жою
adm-form-del-ask = «{ $label }» сұрағын жою керек пе? Ол енді қойылмайды, берілген жауаптар карточкаларда, /list пен экспортта көрсетілмейді. Тіркеулер сол күйінде қалады.
adm-form-btn-approval-on = Мақұлдауды қосу
adm-form-btn-approval-off = Мақұлдауды өшіру
adm-form-ask-kind = Жаңа сұрақ қандай жауап қабылдайды?
adm-form-ask-label = Сұрақты қатысушылар оқитындай етіп жазыңыз.
adm-form-ask-options = Нұсқаларды әр жолға біреуден жазыңыз (екі немесе одан көп, әрқайсысы 60 таңбаға дейін).
adm-form-bad-options = Бұл нұсқалар жарамайды: әр жолға біреуден, екі немесе одан көп әртүрлі нұсқа керек, әрқайсысы 60 таңбаға дейін.
adm-form-bad-label = Сұрақты жазыңыз (500 таңбаға дейін).
adm-form-preview = <b>Алдын ала қарау</b>, қатысушы көретіндей:
adm-form-btn-save = ✅ Сауалнамаға қосу
adm-form-btn-replace = ✅ Өзгерісті сақтау
adm-form-btn-drop = ✖️ Бас тарту
adm-form-changed = Іс-шара осы уақытта өзгерді: ештеңе сақталмады. /form қайта ашыңыз.
adm-form-now = Қазір: { $now }
adm-form-ask-text-label = «{ $language }» тіліндегі сұрақ оқырмандары оқитындай қалай болады? { "-" } жіберсеңіз, бұл тілде негізгі тұжырым көрінеді: «{ $main }».
adm-form-ask-text-options =
    Оның «{ $language }» тіліндегі { $count } нұсқасы, әр жолға біреуден, осы ретпен ({ "-" }: бұл тілде сұрақтың да негізгі тұжырымы көрінеді):
    { $options }
adm-form-text-now = Қазір «{ $language }» тілінде: { $now }
adm-form-text-was-main = Қазір «{ $language }» тілінде негізгі тұжырым көрінеді.
adm-form-btn-keep = ✔️ Қалдыру
adm-form-bad-count = Дәл { $count } нұсқа жазыңыз, әр жолға біреуден, негізгілердің ретімен.
adm-form-bad-text = Мұны мәтінмен жазыңыз.
adm-form-use-buttons = Алдын ала қараудың астындағы батырмаларды басыңыз: сауалнамаға қосу немесе бас тарту.
adm-form-stale = Бұл сұрақтың жобасы аяқталған немесе әрі қарай кеткен. /form қайта бастайды.
adm-form-keep-bad = «{ $language }» тіліндегі нұсқалар енді { $count } нұсқаға сәйкес келмейді: оларды қайта жазыңыз немесе { "-" }.
adm-form-falls-back = (өз тұжырымы жоқ: негізгісі көрінеді)
adm-form-langs = тұжырымдар: { $languages }, қалғандарында негізгісі
adm-form-langs-all = әр тілде өз тұжырымы
adm-form-langs-one = барлық тілге бір тұжырым
adm-decline-ask = { $name } қабылданбайды: себебін жазыңыз, ол қатысушыға жіберіледі, немесе төмендегі батырманы басыңыз.
adm-btn-decline-no-reason = ✖️ Себепсіз қабылдамау
declined-reason = Себебі: { $reason }
adm-form-by = /list { $id }: кім не жауап берді
adm-form-by-head = <b>{ $label }</b>: белсенді тіркелулер жауабы бойынша
adm-form-by-row = { $answer } ({ $count }): { $names }
adm-form-btn-edit = ✏️ { $n }
