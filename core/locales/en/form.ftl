## The event's own questions (core/questions.py)
q-ask = { $label }
q-hint-multi = Choose one or more, then press "Done".
q-hint-number = Please answer with a number.
q-hint-number-range = Please answer with a number from { $min } to { $max }.
q-hint-email = Please type your email address, e.g. name@example.org.
q-hint-phone = Share it with the button or type it.
q-hint-optional = Optional: you can press "Skip".
answer-yes = Yes
answer-no = No
answer-none = not given
answer-line = { $label }: { $value }
btn-done = ✅ Done
error-email = That does not look like an email address. Example: name@example.org.
error-number = Please answer with a number, e.g. 5.
error-number-min = The number must be at least { $limit }.
error-number-max = The number must be at most { $limit }.
error-phone-required = That does not look like a phone number. Example: +7 777 123 45 67.
error-pick-one = Choose at least one option, then press "Done".
privacy-own-questions = This event also asks: { $questions }.

## Approval
pending-head = ⏳ <b>Thank you! Your registration for «{ $title }» waits for the organisers' approval.</b> I will message you as soon as they decide. /my shows it meanwhile.
pending-my = ⏳ <b>{ $title }</b>
    Your registration waits for the organisers' approval. I will message you as soon as they decide.
approved-head = ✅ <b>The organisers approved your registration.</b>
declined = ✖️ The organisers declined your registration for «{ $title }». For questions, contact the organisers.
pending-closed = The event «{ $title }» has started and your registration was not approved before it: registration is closed.
cmd-pending = Registrations waiting for approval
cmd-form = The event's form: its questions
adm-pending-new = 🆕 <b>New registration for «{ $title }»</b>, waiting for approval:
    { $who }
adm-pending-row = { $name }, { $org } ({ $role }); { $format }
adm-pending-head = <b>Waiting for approval ({ $title }): { $count }</b>
adm-pending-none = Nobody is waiting for approval for «{ $title }».
adm-pending-started = The event has started: those still waiting were told registration is closed.
adm-btn-approve = ✅ Approve
adm-btn-decline = ✖️ Decline
adm-btn-approve-all = ✅ Approve all
adm-approved = Approved: { $name } ({ $placement }). They have been told.
adm-approved-seat = a seat
adm-approved-waitlist = the room is full: online + waitlist
adm-approved-online = online
adm-approved-all = Approved: { $count }. Each has been told.
adm-declined = Declined: { $name }. They have been told.
adm-decided-already = Already decided.
adm-stats-pending = Waiting for approval: { $count }

## /form
adm-form-head = <b>The form of «{ $title }»</b>, in the order asked:
adm-form-builtin = { $n }. { $label } (built in)
adm-form-row = { $n }. { $label } ({ $details })
adm-form-kind-text = text
adm-form-kind-choice = one choice
adm-form-kind-multi = several choices
adm-form-kind-yesno = yes / no
adm-form-kind-number = number
adm-form-kind-email = email
adm-form-kind-phone = phone
adm-form-optional = optional
adm-form-only-offline = offline only
adm-form-only-online = online only
adm-form-approval = Registrations wait for approval: /pending.
adm-form-config = This event comes from the config file: change its questions there ([[event.questions]] or [[events.questions]], and `form` for the order), then restart the bot. The README's "Your own questions" shows how.
adm-form-chat = This event was made in the chat. Changing its questions from the chat is not available yet.
