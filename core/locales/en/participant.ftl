## Event card and shared pieces
when = 🗓 { $moment } ({ $city } time)
online-zoom = 💻 Zoom, conference ID: <code>{ $zoom }</code>
online-zoom-passcode = 🔑 Zoom passcode: <code>{ $passcode }</code>
online-zoom-link = 🔗 <a href="{ $url }">Join the Zoom meeting</a>
online-stream = 📺 Live stream: { $url }
agenda-item = • { $item }
card-seats = 🪑 Offline: { $left } of { $capacity } { $capacity ->
    [one] seat
   *[other] seats
    } left (entry by pre-registration only)
card-full = 🪑 Offline: the room is full; register online and join the waitlist
card =
    <b>{ $title }</b>

    { $when }
    📍 { $venue }
    { $seats }
    { $online }
# The card's parts that an event may leave out (a chat-made event without an agenda).
card-agenda =
    <b>On the agenda</b>
    { $items }
card-organisers = Organisers: { $organisers }
card-phone = Questions about offline registration: { $phone }
registration-closed = Registration is closed.
event-past = This event has taken place. Thank you to everyone who came!
event-live = 🔴 <b>On now</b>, until { $until }: join online with the Zoom details above.
events-choose = Upcoming events: choose one to see its details and register.
btn-event = { $title }
btn-event-registered = ✅ { $title }
btn-open-event = Open: { $title }

## Roles
role-ngo = NGO
role-state = State body / akimat
role-research = Researcher
role-migrant = Migrant community
role-media = Media
role-other = Other

## Form
ask-name = What is your full name?
ask-org = Which organisation do you represent? (If none, write "private person".)
ask-role = Who are you at this round table?
ask-phone = Your phone number, so organisers can reach you (optional). Share it with the button, type it, or press "Skip".
ask-format = How will you take part?
ask-edit = What would you like to change?
phone-saved = Phone saved: { $phone }
phone-skipped = No phone, fine.
field-name = Name
field-org = Organisation
field-role = Role
field-phone = Phone
field-format = Format
format-offline = offline, in the room
format-offline-full = offline: the room is full, so online now + waitlist
format-online = online (Zoom / live stream)
phone-none = not given
summary =
    <b>Please check your registration</b>

    Name: { $name }
    Organisation: { $org }
    Role: { $role }
    Phone: { $phone }
    Format: { $format }
form-cancelled = Registration form cancelled; nothing was saved. /start to begin again.
nothing-to-cancel = There is nothing to cancel. To cancel your registration, open /my.

## Buttons
btn-register = 📝 Register
btn-my = 📋 My registration
btn-share-phone = 📱 Share my phone
btn-skip = Skip
btn-offline = 🪑 Offline ({ $seats } { $seats ->
    [one] seat
   *[other] seats
    } left)
btn-offline-full = 🪑 Offline: full, join the waitlist
btn-online = 💻 Online (Zoom)
btn-confirm = ✅ Confirm
btn-edit = ✏️ Edit
btn-abort = ✖️ Cancel
btn-back = ⬅️ Back
btn-to-online = 💻 Switch to online
btn-leave-waitlist = Leave the waitlist (stay online)
btn-to-offline = 🪑 Switch to offline ({ $seats } { $seats ->
    [one] seat
   *[other] seats
    } left)
btn-join-waitlist = 🪑 Join the waitlist for a seat
btn-cancel-reg = ✖️ Cancel registration
btn-cancel-yes = Yes, cancel it
btn-cancel-keep = No, keep it

## Outcomes
registered = Registered!
registered-head = ✅ <b>You are registered.</b>
already-registered = You are already registered.
placement-seated =
    🪑 <b>You have a seat in the room.</b>
    Entry code: <code>{ $code }</code>. Show it at the door: entry is by pre-registration only.
    { $when }
    📍 { $venue }
    Questions: { $phone }
placement-waitlisted =
    💻 The room is full, so you are registered <b>online</b>, and you are <b>number { $position }</b> in the waitlist for a seat. If a seat frees up, I will message you with your entry code.
    { $when }
    { $online }
placement-online =
    💻 You take part <b>online</b>.
    { $when }
    { $online }
my-head =
    <b>{ $title }</b>
    { $name }, { $org } ({ $role }); phone: { $phone }
my-cancelled = Your registration is cancelled. You can register again.
promoted = 🎉 <b>A seat has freed up at “{ $title }” and it is yours.</b>
switched = Done.
switched-seat-passed = Done: you take part online now. Your seat went to the next person in line, so your entry code { $code } no longer works.
switched-code-void = Done: you take part online now. Your entry code { $code } no longer works; if you come back to the room, you get a new one.
switched-seated = Done: you have a seat. Show the entry code below at the door; any earlier code no longer works.
switch-started = The event has started: the format can no longer be changed.
cancel-started = The event has started: the registration can no longer be cancelled or changed. Your entry pass stays valid until the end.
event-over = This event has already taken place: nothing can be changed any more.
ask-cancel = Cancel your registration? Your seat goes to the next person in line.
ask-cancel-waitlisted = Cancel your registration? You also leave the waitlist for a seat.
ask-cancel-online = Cancel your registration?
cancelled = Your registration is cancelled. Changed your mind? Register again.
kept = Your registration stays as it was.
offline-closed = Offline registration is closed; you can take part online.

## Help and errors
help =
    I register you for the round table and remind you before it starts.
    /start: the event and registration
    /my: your registration: change format or cancel
    /cancel: leave the registration form
    /language: Қазақша, Русский or English
    /privacy: your personal data; /forget_me erases it
    /help: this message
    Questions about offline registration: { $phone }
unknown-message = I did not understand that. /start shows the event, /my your registration, /help what I can do.
private-only = I work in private chat only: write to me at @{ $username }.
error-not-text = Please answer with a text message.
error-empty = This cannot be empty; please type it.
error-too-long = That is too long: at most { $limit } { $limit ->
    [one] character
   *[other] characters
    } please.
error-name-letters = Please write your name in letters.
error-name-link = A name cannot be a link or an @username: write your first and last name.
error-name-short = That is too short for a name: write your first and last name.
error-name-digits = That looks like a phone number, not a name. Please write your full name.
error-org-letters = Please write the name of your organisation in letters. If you have none, write "private person".
error-forwarded = A forwarded message cannot be your answer. Please type it yourself.
error-edited = Edits to earlier messages are not read. Please send your answer as a new message.
error-phone = That does not look like a phone number. Example: +7 777 123 45 67. Or press "Skip".
error-foreign-contact = That is someone else's contact. Share your own with the button, type your number, or press "Skip".
error-use-buttons = Please choose with the buttons below.
error-mid-form = You are in the middle of registering. Answer the question below, or send /cancel to stop.
error-stale-button = This button is out of date.
error-form-finished = This form is already finished. /my shows your registration.
error-not-yours = This button is out of date or not yours. Open /my.

## Calendar
cal-entry-code = Entry code: { $code } (entry by pre-registration only)
cal-zoom = Zoom conference ID: { $zoom }
cal-questions = Questions: { $phone }

## Personal data
# Who collects the data when [privacy] names no controller.
privacy-controller-default = the event's organisers
privacy-notice =
    🔒 <b>Your personal data</b>
    Who collects it: { $controller } (contact: { $contact }).
    What: your name, organisation, role and, if you give it, your phone number.
    Why: to register you, to let you in at the door (offline) and to send you reminders.
    Who sees it: the organisers only.
    How long: until { $days } { $days ->
        [one] day
       *[other] days
    } after the event, then it is erased.
    You can withdraw your consent at any time: /forget_me erases everything about you.
    (Notice version { $version }.)
forget-ask = Erase all your personal data and cancel your registrations? A seat you hold goes to the next person in line. This cannot be undone.
btn-forget-yes = Yes, erase my data
btn-forget-no = No, keep it
forget-done = Done: your personal data is erased and your registrations are cancelled.
forget-kept = Nothing was erased.
card-seats-closed = 🪑 Offline: { $capacity } { $capacity ->
    [one] seat
   *[other] seats
    } in the room (entry by pre-registration only)
card-offline-closed = 🪑 Offline registration is closed; you can register online.
card-deadline = ⏳ Registration is open until { $moment }.
registration-closed-mid-form = Registration closed while you were filling in the form, so nothing was saved. /start shows the event.
consent-ask = Do you agree to this, so that I can register you?
btn-consent-agree = ✅ I agree
btn-consent-decline = ✖️ I do not agree
consent-declined = Understood: nothing about you was saved. Without consent I cannot register you; /start if you change your mind.
btn-pass = 🎫 Entry pass (QR)
btn-calendar = 📅 Add to calendar
btn-google-calendar = Google Calendar
calendar-caption = Open the file to add the event to your calendar. Downloading it again later updates the same entry.
pass-caption = Your entry pass. Show it at the door; the code is <code>{ $code }</code>.
