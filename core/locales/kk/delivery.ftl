## Еске салғыштар, «келесіз бе?», таратулар
reminder-online =
    ⏰ <b>Еске салу: { $title }</b>
    { $when }
    { $online }
reminder-offline =
    ⏰ <b>Еске салу: { $title }</b>
    { $when }
    📍 { $venue }
    Кіру кодыңыз: <code>{ $code }</code>. Кіру тек алдын ала тіркеу бойынша: кодты кіреберісте көрсетіңіз.
    Сұрақтар: { $phone }
attendance-question = Келесіз бе? Келмесеңіз, орныңыз кезектегі келесі адамға өтеді.
btn-coming = ✅ Иә, келемін
btn-not-coming = ✖️ Жоқ, орынды босату
attendance-coming = Рахмет, кездескенше!
attendance-released = Орныңыз босатылды; сіз онлайн тіркелген күйде қаласыз.
attendance-not-yours = Бұл сұрақ ескірген. /my сіздің тіркеуіңізді көрсетеді.
attendance-silent-released = Келетініңізді растамадыңыз, сондықтан орын кезектегі келесі адамға өтті. Сіз онлайн тіркелген күйде қаласыз.
broadcast-report = Тарату аяқталды: жіберілді { $sent }, қолжетімсіз { $unreachable }, қате { $failed }, өткізілді { $skipped } (барлығы { $total }).
reminder-starts-in = ⏳ Басталуы { $span }.
