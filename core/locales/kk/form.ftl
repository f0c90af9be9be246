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
btn-done = ✅ Дайын
error-email = Электрондық пошта мекенжайына ұқсамайды. Мысалы: name@example.org.
error-number = Санмен жауап беріңіз, мысалы 5.
error-number-min = Сан кемінде { $limit } болуы керек.
error-number-max = Сан көп дегенде { $limit } болуы керек.
error-phone-required = Телефон нөміріне ұқсамайды. Мысалы: +7 777 123 45 67.
error-pick-one = Кемінде бір нұсқаны таңдап, «Дайын» батырмасын басыңыз.
privacy-own-questions = Бұл іс-шара тағы сұрайды: { $questions }.

## Approval
pending-head = ⏳ <b>Рақмет! «{ $title }» іс-шарасына тіркелуіңіз ұйымдастырушылардың мақұлдауын күтуде.</b> Олар шешкен бойда сізге жазамын. Әзірге оны /my арқылы көруге болады.
pending-my = ⏳ <b>{ $title }</b>
    Тіркелуіңіз ұйымдастырушылардың мақұлдауын күтуде. Олар шешкен бойда сізге жазамын.
approved-head = ✅ <b>Ұйымдастырушылар тіркелуіңізді мақұлдады.</b>
declined = ✖️ Ұйымдастырушылар «{ $title }» іс-шарасына тіркелуіңізді қабылдамады. Сұрақтарыңыз болса, ұйымдастырушыларға хабарласыңыз.
pending-closed = «{ $title }» іс-шарасы басталды, ал тіркелуіңіз оған дейін мақұлданбады: тіркеу жабық.
cmd-pending = Мақұлдауды күтіп тұрған тіркелулер
cmd-form = Іс-шара сауалнамасы: оның сұрақтары
adm-pending-new = 🆕 <b>«{ $title }» іс-шарасына жаңа тіркелу</b> мақұлдауды күтуде:
    { $who }
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
adm-approved-all = Мақұлданды: { $count }. Әрқайсысына хабарланды.
adm-declined = Қабылданбады: { $name }. Қатысушыға хабарланды.
adm-decided-already = Шешіліп қойған.
adm-stats-pending = Мақұлдауды күтуде: { $count }

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
adm-form-only-offline = тек офлайн
adm-form-only-online = тек онлайн
adm-form-approval = Тіркелулер мақұлдауды күтеді: /pending.
adm-form-config = Бұл іс-шара конфигурация файлынан: сұрақтарды сонда өзгертіңіз ([[event.questions]] немесе [[events.questions]], реті — `form`), содан кейін ботты қайта іске қосыңыз. Қалай екені README-дің «Your own questions» бөлімінде.
adm-form-chat = Бұл іс-шара чатта жасалған. Оның сұрақтарын чаттан өзгерту әзірге мүмкін емес.
