## Reminders, "still coming?", broadcasts
reminder-online =
    ⏰ <b>Reminder: { $title }</b>
    { $when }
    { $online }
reminder-offline =
    ⏰ <b>Reminder: { $title }</b>
    { $when }
    📍 { $venue }
    Your entry code: <code>{ $code }</code>. Entry is by pre-registration only: show the code at the door.
    Questions: { $phone }
attendance-question = Are you still coming? If not, your seat goes to the next person in line.
btn-coming = ✅ Yes, I am coming
btn-not-coming = ✖️ No, free my seat
attendance-coming = Thank you, see you there!
attendance-released = Your seat is released; you stay registered online.
attendance-not-yours = This question is out of date. /my shows your registration.
attendance-silent-released = You did not confirm that you are coming, so your seat went to the next person in line. You stay registered online.
broadcast-report = Broadcast finished: { $sent } sent, { $unreachable } unreachable, { $failed } failed, { $skipped } skipped (of { $total }).
reminder-starts-in = ⏳ Starts { $span }.
