## Organiser console (admins only) and the command menus

## Command menu (descriptions, max 256 characters)
cmd-start = The event and registration
cmd-my = My registration
cmd-help = What the bot can do
cmd-cancel = Leave the form or draft in progress
cmd-events = Events: list and choose the current one
cmd-newevent = Create the next event
cmd-editevent = Edit the current event
cmd-stats = Numbers at a glance
cmd-list = Registrations by list, with actions
cmd-door = Door list with check-in marks
cmd-checkin = Check someone in: /checkin CODE
cmd-capacity = Room size: /capacity N
cmd-close = Stop new registrations
cmd-open = Reopen registration
cmd-broadcast = Message participants
cmd-reminders = Reminder status
cmd-export = Excel file of every registration (/export csv: CSV)
cmd-log = Latest organiser actions

## Shared pieces
adm-aud-all = everyone
adm-aud-offline = offline
adm-aud-online = online
adm-aud-waitlist = waitlist
adm-aud-attended = came
adm-aud-absent = did not come
adm-intake-open = open
adm-intake-online-only = online only (the room is closed)
adm-intake-closed = closed
adm-status-seated = 🪑 code <code>{ $code }</code>
adm-status-arrived = ✅ code <code>{ $code }</code>, arrived { $at }
adm-status-waitlisted = ⏳ waitlist #{ $position }
adm-status-online = 💻 online
adm-status-cancelled = ✖️ cancelled
adm-no-such = There is no such registration.

## /stats
adm-stats =
    📊 <b>{ $title }</b>
    🪑 Seats taken: { $seated } of { $capacity } ({ $free } free)
    ⏳ Waitlist: { $waitlisted }
    💻 Online: { $online }{ $pending }
    ✖️ Cancelled: { $cancelled }
    ✅ Checked in: { $checked } of { $seated }
    📵 Unreachable: { $unreachable }
    🚪 Registration: { $intake }
    { $pace }

    <b>New registrations per day</b>
    { $days }

    { $reminder }
adm-stats-day = { $day }: { $count }
adm-stats-no-days = none yet
adm-next-reminder = ⏰ Next reminder: { $due } ({ $before } before, { $audience }); it will reach { $count }.
adm-no-reminder = ⏰ No reminder pending.
adm-pace = 📨 Sending: { $rate } messages a second, as set; waiting to go: { $waiting }
adm-pace-slowed = 📨 Sending: { $rate } messages a second instead of { $configured }: Telegram refused messages, so the bot slowed down; it speeds up again by itself. Waiting to go: { $waiting }

## /list and details
adm-list-choose = Which list?
adm-list-not-grouped = “{ $asked }” is not a question with answers to choose from; by answer: { $ids }.
adm-list-no-grouped = “{ $asked }” is not a question with answers to choose from, and this form has none.
adm-kind-offline = 🪑 Offline
adm-kind-waitlist = ⏳ Waitlist
adm-kind-online = 💻 Online
adm-kind-all = 📋 All
adm-btn-kind = { $kind } ({ $count })
adm-list-head = <b>{ $kind }</b>: { $total } · page { $page } of { $pages }
adm-list-empty = <b>{ $kind }</b>: nobody.
adm-list-row = { $n }. <b>{ $name }</b>, { $org } ({ $role }) · { $phone } · { $status }
adm-erased = (data erased)
adm-list-row-erased = { $n }. <i>{ $erased }</i> · { $status }
adm-details-erased =
    <i>{ $erased }</i> · #{ $id }
    { $status }
    Registered { $created } · language: { $language }
adm-btn-prev = ◀️ Back
adm-btn-next = Next ▶️
adm-btn-lists = ⬅️ Lists
adm-btn-to-list = ⬅️ Back to the list
adm-details =
    <b>{ $name }</b> · #{ $id }
    { $org } · { $role }
    📞 { $phone }
    { $status }
    Registered { $created } · language: { $language }
adm-details-cancelled = Cancelled { $at }
adm-details-unreachable = 📵 Unreachable since { $at }
adm-btn-checkin = ✅ Check in
adm-btn-online = 💻 Move to online
adm-btn-promote = 🪑 Give a seat
adm-btn-cancel = ✖️ Cancel registration
adm-btn-no = No, keep as is
adm-btn-yes-cancel = Yes, cancel it
adm-btn-yes-online = Yes, move to online
adm-sure-cancel = Cancel the registration of <b>{ $name }</b>? A seat, if they have one, goes to the first on the waitlist. They will be told.
adm-sure-online = Move <b>{ $name }</b> to online? Their seat or waitlist place is given up (a seat goes to the first on the waitlist). They will be told.
adm-done-cancel = Registration cancelled; they have been told.
adm-done-online = Moved to online; they have been told.
adm-done-promote = Seat given; they have been told with their entry code.
adm-done-checkin = Checked in.
adm-done-promoted = Seated from the waitlist, in order, and told: { $names }
adm-stale = This registration changed meanwhile. Here it is as it is now; press again if still needed.
adm-refuse-room-full = No free seat. Raise the room size first with /capacity N: a raise seats the waitlist in order.
adm-refuse-not-waitlisted = This person is not on the waitlist any more.

## Told to the participant (their language)
by-organiser-cancelled = The organisers have cancelled your registration for “{ $title }”. Questions: { $phone }
by-organiser-online = The organisers have moved you to online participation; your entry code, if you had one, is no longer valid.

## /capacity
adm-capacity-now = 🪑 Room: { $capacity } { $capacity ->
    [one] seat
   *[other] seats
    }, { $seated } taken, { $waitlisted } on the waitlist. To change it: /capacity N
adm-capacity-usage = Give a whole number of seats from 0 to { $max }, for example /capacity 12
adm-capacity-set = 🪑 The room now has { $capacity } { $capacity ->
    [one] seat
   *[other] seats
    } ({ $seated } taken).
adm-capacity-refused = Refused: { $seated } { $seated ->
    [one] seat is
   *[other] seats are
    } already taken, so the room cannot shrink to { $capacity }. Nobody loses a seat silently: cancel registrations or move people online first (/list), then try again.

## /close and /open
adm-close-ask = Registration is { $intake }. What should stop?
adm-btn-close-offline = 🪑 Offline only (online stays open)
adm-btn-close-all = 🚫 All new registrations
adm-btn-keep = Keep as is
adm-intake-set = 🚪 Registration is now { $intake }. Existing registrations stay as they are.
adm-intake-kept = Nothing changed; registration is { $intake }.
adm-intake-deadline = Note: the registration deadline in the config has passed, so participants see registration closed anyway.

## /checkin and /door
adm-checkin-usage = Send the entry code, for example /checkin ABC234
adm-checkin-ok = ✅ <b>{ $name }</b>, { $org }: welcome! { $arrived } of { $seated } seats checked in.
adm-checkin-already = ⚠️ <b>{ $name }</b>, { $org } already checked in at { $at } by { $by }. Has the code been used twice? { $arrived } of { $seated } seats checked in.
adm-checkin-unknown = ❌ No seat has the code <code>{ $code }</code>. Check the spelling. A registration that was cancelled or moved online loses its code, and people on the waitlist have none yet: look the person up with /door.
adm-door-head = 🚪 <b>Door</b>: { $arrived } of { $seated } arrived · room of { $capacity }
adm-door-row = { $mark } { $name } · { $org } · <code>{ $code }</code>
adm-door-empty = 🚪 Nobody has a seat yet.

## /export
adm-export-caption = { $count } { $count ->
    [one] registration
   *[other] registrations
    } · times in { $tz }

## /log
adm-log-head = 🕓 <b>Latest organiser actions</b>
adm-log-empty = No organiser actions yet.
adm-log-row = { $at } · { $admin } · { $action }{ $target }{ $details }
adm-act-capacity = room size
adm-act-intake = registration switch
adm-act-cancel = cancel
adm-act-online = move online
adm-act-promote = give a seat
adm-act-checkin = check-in
adm-act-export = export
adm-act-broadcast = broadcast

## /broadcast
adm-cast-ask = ✉️ Send me the message for participants. Formatting is kept.
adm-btn-stop = ✖️ Cancel
adm-cast-text-only = Only text can be broadcast. Please send the message as text.
adm-cast-replaced = ✏️ Your latest message replaced the text before it. To broadcast both, send them as one message.
adm-cast-audience = Who should get it?
adm-btn-aud = { $audience } ({ $count })
adm-cast-nobody = Nobody is in that audience. Choose another.
adm-cast-preview = Preview: participants will see exactly the message below.
adm-cast-confirm = Send the message below to <b>{ $count }</b> ({ $audience })?
adm-btn-send = 📤 Send
adm-cast-started = 📤 Sending to { $count } ({ $audience }). I will report here when it is done.
adm-cast-stopped = Broadcast cancelled; nothing was sent.
adm-cast-stale = This broadcast draft is finished. /broadcast starts a new one.
adm-cast-not-yet = Who came is known once the event has begun: this audience is offered after the start.

## /broadcast written once per language
adm-cast-everyone = 🌐 everyone
adm-cast-draft =
    ✍️ This message is for: <b>{ $last }</b>. Versions in the draft: { $versions }.
    Each reader gets the version in their language, else the one for everyone. Add a version per language with the buttons below.
adm-btn-cast-for-all = 🌐 Send this to everyone
adm-btn-cast-only = Only { $language }
adm-btn-cast-add = ➕ Version: { $language }
adm-cast-add-ask = Send me the version for { $language } readers as the next message.
adm-cast-preview-version = Preview, { $version }: { $count } will get it ({ $readers }).

## /reminders
adm-reminders-head = ⏰ <b>Reminders</b>
adm-reminders-none = No reminders are configured.
adm-reminder-row = { $due } · { $before } before · { $audience } · { $state }: { $sent } sent, { $unreachable } unreachable, { $failed } failed, { $pending } pending, { $skipped } skipped
adm-rstate-scheduled = scheduled
adm-rstate-running = sending
adm-rstate-done = done
adm-rstate-skipped = skipped

## The current event (heads every console answer) and /events
adm-pin = 📌 { $title } · { $when }
adm-events-head = 🗓 <b>Events</b> · 📌 the one the console works on; press another to switch.
adm-events-upcoming = <b>Coming</b>
adm-events-past = <b>Past</b>
adm-events-row = { $mark } <b>{ $title }</b> · { $when } ({ $tz }) · 🪑 { $seated }/{ $capacity } · ⏳ { $waitlisted } · 💻 { $online }
adm-ev-chosen =
    ✅ The console now works on this event:
    { $pin }
adm-ev-no-such = There is no such event any more.

## /newevent and /editevent
adm-ev-begin-new = 🆕 <b>New event</b>, copied from the current one, without its texts in other languages (offered at the end). Send only what changes; press Keep for the rest.
adm-ev-begin-edit = ✏️ <b>Editing the current event</b>. Send only what changes; press Keep for the rest.
adm-ev-ask-title = Title? Now: <b>{ $now }</b>
adm-ev-ask-when = Date and time, local time in { $tz }, written like 2027-03-20 18:00? Now: <b>{ $now }</b>
adm-ev-ask-capacity = Seats in the room (offline)? Now: <b>{ $now }</b>
adm-ev-ask-venue = Venue? Now: <b>{ $now }</b>
adm-ev-ask-zoom_id = Zoom conference ID? Now: <b>{ $now }</b>
adm-ev-ask-zoom_url = Zoom link? Now: { $now }
adm-ev-ask-stream_url = Stream link? Now: { $now }
adm-ev-ask-address = Street address (shown after the venue)? Now: { $now }
adm-ev-ask-organisers = Organisers? Now: { $now }
adm-ev-ask-agenda = Agenda, one item per line? Now:
    { $now }
adm-ev-ask-zoom_passcode = Zoom passcode (told to online participants only)? Now: { $now }
adm-ev-ask-text =
    Texts in { $language }: the title, the venue and the address, one per line ({ "-" } on a line: that one stays as in your text). Left out, { $language } readers see your text. Now:
    { $now }
adm-ev-falls-back = (falls back to your text)
adm-ev-empty-hint = Send { $empty } to leave it empty.
adm-ev-none = (none)
adm-btn-keep-value = ✔️ Keep
adm-btn-save = ✅ Save
adm-ev-field-title = Title
adm-ev-field-when = Date and time
adm-ev-field-capacity = Seats
adm-ev-field-venue = Venue
adm-ev-field-zoom_id = Zoom ID
adm-ev-field-zoom_url = Zoom link
adm-ev-field-stream_url = Stream link
adm-ev-field-address = Address
adm-ev-field-organisers = Organisers
adm-ev-field-agenda = Agenda
adm-ev-field-zoom_passcode = Zoom passcode
adm-ev-field-text = { $language }
adm-ev-bad-lines = At most { $max } lines: the title, the venue, the address.
adm-ev-line = { $mark } { $name }: { $value }
adm-ev-bad-text = Please send text.
adm-ev-bad-empty = This cannot be empty.
adm-ev-bad-long = Too long: { $length } { $length ->
    [one] character
   *[other] characters
    }, at most { $max }.
adm-ev-bad-link = Send a link starting with https:// (or { "-" } for none).
adm-ev-bad-when = I could not read that date. Write it like 2027-03-20 18:00.
adm-ev-bad-past = That moment has already passed. Give a date and time in the future.
adm-ev-bad-past-kept = The copied date has passed: send the new event's date and time.
adm-ev-bad-capacity = Give a whole number of seats from 0 to { $max }.
adm-ev-bad-taken = Refused: { $seated } { $seated ->
    [one] seat is
   *[other] seats are
    } already taken, so the room cannot shrink to { $capacity }. Cancel registrations or move people online first (/list), or give a larger number.
adm-ev-preview-new = 🆕 <b>The new event</b> (✏️ = changed). Save it?
adm-ev-preview-edit = ✏️ <b>The event with your changes</b> (✏️ = changed). Save it?
adm-ev-unchanged = Nothing is changed yet.
adm-ev-use-buttons = Use the buttons under the preview: Save or Cancel.
adm-ev-stopped = Draft dropped; nothing was changed.
adm-ev-stale = This draft is finished or has moved on. /newevent or /editevent starts again.
adm-ev-changed = ⚠️ Not saved: the event was changed since this draft began ({ $fields }), by another organiser or a command. Nothing of the draft was applied. Start again from the event as it is now?
adm-ev-field-intake = registration open or closed
adm-btn-again = 🔄 Start again
adm-ev-other = The console works on another event now; this draft was dropped.
adm-ev-in-config = This event comes from the config file: change it there, under { $where }, and restart the bot. Nothing was changed here.
adm-ev-created =
    ✅ Event created; the console now works on it:
    { $pin }

    Links to share:
    Registration: { $link }
    Offline: { $offline }
    Online: { $online }
adm-ev-saved =
    ✅ Saved.
    { $pin }
adm-ev-telling = 📣 Telling { $count } { $count ->
    [one] registrant
   *[other] registrants
    } about the new time or venue.
# The approval step of /newevent and /editevent (issue 21).
adm-ev-ask-approval = Does each registration wait for an organiser's approval? Now: <b>{ $now }</b>
    Press a button, or type yes or no.
adm-ev-field-approval = Approval
adm-ev-approval-on = each registration waits for approval
adm-ev-approval-off = registrations are confirmed at once
adm-btn-approval-on = ⏳ Each registration waits for our approval
adm-btn-approval-off = ✅ Confirm registrations at once
adm-ev-bad-approval = Please press one of the buttons, or type yes or no.
adm-ev-approval-off-waiting = ⚠️ { $count } { $count ->
    [one] form still waits
   *[other] forms still wait
    } for approval. Turning approval off confirms { $count ->
    [one] it
   *[other] them
    } at once, in the order of registration (a seat if one is free, else online and the waitlist), and tells each person. To decline someone, use /pending first.
adm-ev-admitted = ✅ { $count } waiting { $count ->
    [one] form confirmed
   *[other] forms confirmed
    }; each person is being told.
adm-form-btn-approval-off-sure = ✅ Turn off and confirm them
adm-form-btn-back = ↩️ Back
admitted-head = ✅ <b>Registration for «{ $title }» no longer waits for approval: yours is confirmed.</b>
adm-act-newevent = new event
adm-act-editevent = event edited

## Told to registrants when an organiser changes the event (their language)
event-changed = ℹ️ “{ $title }” has changed:
event-changed-time = 🕒 Time: { $old } → <b>{ $new }</b>
event-changed-venue = 📍 Venue: { $old } → <b>{ $new }</b>

## /broadcast to the people of another event
adm-btn-others = 📨 Registered for another event
adm-cast-others =
    Whose registrants should get it? The message will carry a button opening the current event:
    { $current }
adm-cast-confirm-invite = Send the message below to <b>{ $count }</b> registered for “{ $past }”, with a button opening “{ $current }”?
adm-cast-started-invite = 📤 Sending to { $count } registered for “{ $past }”, inviting to “{ $current }”. I will report here when it is done.
adm-retention-warning = 🔒 Tomorrow the personal data of «{ $title }» is erased (kept { $days } { $days ->
    [one] day
   *[other] days
    } after the event). Export the list first if you need it.
adm-btn-export-now = ⬇️ Export now
adm-export-gone = That event is no longer there.
help-admin =
    <b>Organiser console</b>
    { $commands }
adm-draft-cancelled = Draft discarded; nothing was changed.
## /log: the ledger's words in the stored details
adm-word-ok = ok
adm-word-already = already
adm-word-unknown = unknown
adm-word-full = full
adm-word-not-waitlisted = not-waitlisted
adm-word-refused = refused
adm-word-taken = taken
adm-word-rows = rows
adm-word-was = was
adm-word-seated = seated
adm-word-waitlisted = waitlisted
adm-word-online = online
adm-word-offline = offline
adm-word-open = open
adm-word-closed = closed
adm-word-online-only = online-only
adm-word-promoted = promoted
adm-word-to = to
adm-word-all = all

## Participants' own steps, told to the organisers (issue 19)
adm-digest-head = 📮 <b>{ $title }</b>: what participants did
adm-digest-self-cancel = { $at } · { $name } cancelled their registration
adm-digest-self-release = { $at } · { $name } answered "No, free my seat": the seat went on
adm-digest-self-erase = { $at } · { $name }: a participant erased their data (/forget_me)
adm-digest-other = { $at } · { $name }: { $action }
adm-log-participant = participant
adm-act-self-cancel = cancelled (by the participant)
adm-act-self-release = "No, free my seat"
adm-act-self-erase = erased their data

## /export as a workbook (issue 19)
adm-sheet-title = Registrations
adm-col-id = No.
adm-col-name = Name
adm-col-org = Organisation
adm-col-role = Role
adm-col-phone = Phone
adm-col-state = State
adm-col-format = Format
adm-col-code = Entry code
adm-col-registered = Registered ({ $tz })
adm-col-cancelled = Cancelled ({ $tz })
adm-col-arrived = Arrived ({ $tz })
adm-col-language = Language
adm-col-consent = Consent ({ $tz })
adm-col-consent-version = Notice version
adm-col-rating = Rating
adm-col-comment = Comment
adm-col-certificate = Certificate
adm-state-seated = seat in the room
adm-state-waitlisted = waitlist #{ $position }
adm-state-online = online
adm-state-cancelled = cancelled
adm-format-offline = offline
adm-format-online = online

## Approval: the organiser's side (issue 21 follow-ups)
declined-contact = 📞 For questions, call the organisers: { $phone }
declined-contact-none = For questions, contact the organisers.
adm-waiting-details =
    <b>{ $name }</b>
    { $org } · { $role }
    📞 { $phone }
    ⏳ { $format } · waits for approval since { $since } · language: { $language }
adm-waiting-cut = (long answers are cut here; /export has them in full)
adm-pending-pick = Press a name to see the whole form and decide.
adm-pending-elsewhere = Waiting for approval for other events: { $events }. To see them, choose that event with /events, then /pending.
adm-pending-elsewhere-row = «{ $title }» ({ $count })
adm-approved-all-split = Approved: { $count } ({ $parts }). Each has been told.
adm-approved-part-seat = a seat: { $count }
adm-approved-part-waitlist = the room was full, online + waitlist: { $count }
adm-approved-part-online = online: { $count }
adm-btn-pending-list = ⬅️ Back to the waiting list
adm-state-pending = waiting for approval
adm-export-waiting = { $count } waiting for approval (state "waiting for approval")
