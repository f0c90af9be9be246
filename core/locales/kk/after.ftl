## Іс-шарадан кейін: онлайн қосылу, сертификаттар, сауалнама

btn-join-now = ▶️ Қосылу
join-now = Қош келдіңіз! Осы жерден қосылыңыз: { $link }
join-now-id = Қош келдіңіз! Zoom конференциясының идентификаторы: <code>{ $zoom }</code>
join-not-yours = Бұл батырма ескірген немесе сіздікі емес.

cert-offer = 🎓 «{ $title }» іс-шарасына келгеніңізге рахмет! Қатысу сертификатында былай жазылады: <b>{ $name }</b>. Дұрыс па? Берілгенге дейін атыңызды бір рет түзете аласыз.
btn-cert-issue = ✅ Сертификатты беру
btn-cert-fix = ✏️ Атымды түзету
cert-ask-name = Сертификатта қалай жазылуы керек болса, толық атыңызды солай жіберіңіз.
cert-name-saved = Сертификатта былай жазылады: <b>{ $name }</b>.
cert-fix-used = Атты тек бір рет және сертификат берілгенге дейін ғана түзетуге болады.
cert-not-yours = Бұл сертификат сіздікі емес немесе сіз іс-шараға қатыспадыңыз.
cert-caption = 🎓 Сіздің қатысу сертификатыңыз. Оны кез келген адам тексере алады: { $link }
cert-valid = ✅ Сертификат жарамды: { $name }, «{ $title }», { $date }.
cert-none = ❌ Мұндай сертификат жоқ.
cert-heading = ҚАТЫСУ СЕРТИФИКАТЫ
cert-certifies = Осымен расталады:
cert-attended = іс-шараға қатысты
cert-when = { $date } ({ $length })
cert-organisers = Ұйымдастырушылар: { $organisers }
cert-code = Тексеру коды: { $code }
cert-verify = Тексеру: { $link }

feedback-question = «{ $title }» іс-шарасын қалай бағалайсыз?
feedback-1 = 1 — нашар
feedback-2 = 2
feedback-3 = 3
feedback-4 = 4
feedback-5 = 5 — өте жақсы
feedback-ask-comment = Рахмет! Нені өзгертуіміз керек? Бір хабарламамен жазыңыз немесе «Өткізу» батырмасын басыңыз.
btn-feedback-skip = Өткізу
feedback-thanks = Пікіріңізге рахмет!

privacy-after = Іс-шарадан кейін: қатысқаныңыз туралы белгі, пікіріңіз және сертификатыңыз (кез келген адам тексере алуы үшін оның тексеру коды) басқа деректермен бірдей мерзімге сақталып, солармен бірге немесе /forget_me арқылы ертерек өшіріледі.

## /report, қор үшін
cmd-report = қорға арналған есеп (PDF және CSV); /report names аттарды қосады
report-caption = 📑 Есеп: «{ $title }». CSV файлында сол сандар.
rep-heading = Есеп: { $title }
rep-col-section = Бөлім
rep-col-item = Көрсеткіш
rep-col-value = Мәні
rep-registrations = Тіркелулер
rep-registered = тіркелген (барлығы)
rep-active = белсенді
rep-cancelled = бас тартылған
rep-per-day = Күндер бойынша тіркелулер
rep-format = Формат бойынша
rep-seated = офлайн (орындар)
rep-waitlisted = онлайн, орын күтуде
rep-online = онлайн
rep-roles = Рөл бойынша
rep-organisations = Қатысқан ұйымдар
rep-organisations-count = ұйым
rep-attendance = Қатысу
rep-checked-in = офлайн: келгендер / орындар
rep-joined = онлайн: қосылғандар / тіркелгендер
rep-waitlist = Күту тізімі
rep-promoted = күту тізімінен берілген орындар
rep-released = босатылған орындар (растамағандар)
rep-still-waiting = әлі күтуде
rep-feedback = Пікірлер (1-5)
rep-average = орташа
rep-comments = Нені өзгертуіміз керек?
rep-names = Қатысушылар
adm-stats-after = ✅ Келгендер: офлайн { $seated } ішінен { $checked }, онлайн { $online } ішінен { $joined }
adm-stats-feedback = ⭐ Пікірлер: { $votes } жауап, орташа { $average }
adm-btn-present = ✅ Қатысты деп белгілеу
adm-btn-absent = ↩️ Қатыспады деп белгілеу
adm-done-present = Қатысты деп белгіленді.
adm-done-absent = Қатыспады деп белгіленді.
adm-act-present = қатысты деп белгіленді
adm-act-absent = қатыспады деп белгіленді
adm-act-report = есеп
