## After the event: joining online, certificates, the feedback poll

btn-join-now = ▶️ Join now
join-now = Welcome! Join here: { $link }
join-now-id = Welcome! Zoom conference ID: <code>{ $zoom }</code>
join-not-yours = This button is out of date or not yours.

cert-offer = 🎓 Thank you for coming to «{ $title }»! Your certificate of attendance will read: <b>{ $name }</b>. Is it spelled right? You may correct it once before it is issued.
btn-cert-issue = ✅ Issue my certificate
btn-cert-fix = ✏️ Correct my name
cert-ask-name = Send your full name as it should appear on the certificate.
cert-name-saved = The certificate will read: <b>{ $name }</b>.
cert-fix-used = The name can be corrected only once, before the certificate is issued.
cert-not-yours = This certificate is not yours, or you did not attend.
cert-caption = 🎓 Your certificate of attendance. Anyone can check it: { $link }
cert-valid = ✅ Valid certificate: { $name }, «{ $title }», { $date }.
cert-none = ❌ No such certificate.
cert-heading = CERTIFICATE OF ATTENDANCE
cert-certifies = This is to certify that
cert-attended = attended the event
cert-when = on { $date } ({ $length })
cert-organisers = Organisers: { $organisers }
cert-code = Verification code: { $code }
cert-verify = Check it: { $link }

feedback-question = How would you rate «{ $title }»?
feedback-1 = 1 — poor
feedback-2 = 2
feedback-3 = 3
feedback-4 = 4
feedback-5 = 5 — excellent
feedback-ask-comment = Thank you! What should we change? Write it in one message, or press "Skip".
btn-feedback-skip = Skip
feedback-thanks = Thank you for your feedback!

privacy-after = After the event: whether you came, your feedback and your certificate (its verification code, so that anyone can check it) are kept as long as the rest and erased with it, or earlier with /forget_me.

## /report, for the funder
cmd-report = report for the funder (PDF and CSV); /report names adds the names
report-caption = 📑 Report: «{ $title }». The CSV holds the same figures.
rep-heading = Report: { $title }
rep-col-section = Section
rep-col-item = Item
rep-col-value = Value
rep-registrations = Registrations
rep-registered = registered (all)
rep-active = active
rep-cancelled = cancelled
rep-per-day = Registrations per day
rep-format = By format
rep-seated = offline (seats)
rep-waitlisted = online, waiting for a seat
rep-online = online
rep-roles = By role
rep-organisations = Organisations represented
rep-organisations-count = organisations
rep-attendance = Attendance
rep-checked-in = offline: checked in / seats
rep-joined = online: joined / registered
rep-waitlist = Waitlist
rep-promoted = seats given from the waitlist
rep-released = seats freed (not confirmed)
rep-still-waiting = still waiting
rep-feedback = Feedback (1-5)
rep-average = average
rep-comments = What should we change?
rep-names = Participants
adm-stats-after = ✅ Came: offline { $checked } of { $seated }, online { $joined } of { $online }
adm-stats-feedback = ⭐ Feedback: { $votes } { $votes ->
    [one] answer
   *[other] answers
    }, average { $average }
adm-btn-present = ✅ Mark present
adm-btn-absent = ↩️ Mark absent
adm-done-present = Marked present.
adm-done-absent = Marked absent.
adm-act-present = marked present
adm-act-absent = marked absent
adm-act-report = report
