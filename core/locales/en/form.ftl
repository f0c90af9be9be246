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
answer-line-asked = { $label } { $value }
btn-done = ✅ Done
error-email = That does not look like an email address. Example: name@example.org.
error-number = Please answer with a number, e.g. 5.
error-number-min = The number must be at least { $limit }.
error-number-max = The number must be at most { $limit }.
error-phone-required = That does not look like a phone number. Example: +7 777 123 45 67.
error-pick-one = Choose at least one option, then press "Done".
privacy-own-questions =
    This event also asks:
    { $questions }
privacy-own-question = • { $label }

## Approval
pending-head = ⏳ <b>Thank you! Your registration for «{ $title }» waits for the organisers' approval.</b> I will message you as soon as they decide. /my shows it meanwhile.
pending-my = ⏳ <b>{ $title }</b>
    Your registration waits for the organisers' approval. I will message you as soon as they decide.
approved-head = ✅ <b>The organisers approved your registration.</b>
declined = ✖️ The organisers declined your registration for «{ $title }».
pending-closed = The event «{ $title }» has started and your registration was not approved before it: registration is closed.
pending-form =
    { $name }, { $org } ({ $role }); phone: { $phone }
    Format: { $format }
pending-change = To change an answer, withdraw this request and fill in the form again.
btn-withdraw = ✖️ Withdraw my request
btn-withdraw-yes = Yes, withdraw it
btn-withdraw-no = No, keep it
ask-withdraw = Withdraw your registration request for «{ $title }»? The organisers will no longer see it and nothing of it is kept. You can fill in the form again afterwards.
withdrawn = Your request for «{ $title }» is withdrawn; nothing of it is kept. You can register again.
withdraw-gone = This request no longer waits: the organisers have decided on it, or it was withdrawn. Open /my.
withdraw-kept = Your request still waits for the organisers' approval.
forget-ask-waiting = Erase all your personal data and withdraw your registration request that waits for the organisers' approval? This cannot be undone.
adm-digest-withdrew = { $at } · a participant withdrew their registration waiting for approval
adm-act-withdrew = withdrew a form waiting for approval (by the participant)
cmd-pending = Registrations waiting for approval
cmd-form = The event's form: its questions
adm-pending-new = 🆕 <b>New registration for «{ $title }»</b>, waiting for approval:
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
adm-declined = Declined: { $name }. They have been told.
adm-decided-already = Already decided, or withdrawn by its author.
adm-stats-pending = 📝 Waiting for approval: { $count }

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
adm-form-only-offline = offline only, asked after the format
adm-form-only-online = online only, asked after the format
adm-form-approval = Registrations wait for approval: /pending.
adm-form-config = This event comes from the config file: change its questions there ([[event.questions]] or [[events.questions]], and `form` for the order), then restart the bot. The README's "Your own questions" shows how.
adm-form-chat = This event was made in the chat: add, reword, move up or remove its own questions with the buttons below.
adm-form-btn-add = ➕ Add a question
adm-form-btn-up = ⬆️ { $n }
adm-form-btn-del = 🗑 { $n }
adm-form-btn-del-sure = 🗑 Remove it
adm-form-del-ask = Remove the question «{ $label }»? It is no longer asked, and the answers given to it no longer show in the details, /list or the export. Registrations stay as they are.
adm-form-btn-approval-on = Turn approval on
adm-form-btn-approval-off = Turn approval off
adm-form-ask-kind = What kind of answer does the new question take?
adm-form-ask-label = Type the question as participants will read it.
adm-form-ask-options = Type the options, one per line (two or more, up to 60 characters each).
adm-form-bad-options = These options cannot be used: give two or more different ones, one per line, up to 60 characters each.
adm-form-bad-label = Please type the question (up to 500 characters).
adm-form-preview = <b>Preview</b>, as a participant sees it:
adm-form-btn-save = ✅ Add it to the form
adm-form-btn-replace = ✅ Save the change
adm-form-btn-drop = ✖️ Drop it
adm-form-changed = The event changed meanwhile: nothing was saved. Open /form again.
adm-form-now = Now: { $now }
adm-form-ask-text-label = The question in { $language }, as its readers will read it? Send { "-" } to leave { $language } readers the main wording: «{ $main }».
adm-form-ask-text-options =
    Its { $count } options in { $language }, one per line, in this order ({ "-" }: { $language } readers see the main wording, the question too):
    { $options }
adm-form-text-now = Now in { $language }: { $now }
adm-form-text-was-main = Now { $language } readers see the main wording.
adm-form-btn-keep = ✔️ Keep it
adm-form-bad-count = Give exactly { $count } options, one per line, in the order of the main ones.
adm-form-bad-text = Please type it as text.
adm-form-use-buttons = Use the buttons under the preview: add it to the form or drop it.
adm-form-stale = This question draft is finished or has moved on. /form starts again.
adm-form-keep-bad = The { $language } options no longer match the { $count } options: type them anew, or { "-" }.
adm-form-falls-back = (no wording of its own: sees the main one)
adm-form-langs = wording for { $languages }, the rest see the main one
adm-form-langs-all = wording for every language
adm-form-langs-one = one wording for every language
adm-decline-ask = Declining { $name }: type the reason to send them, or press the button below.
adm-btn-decline-no-reason = ✖️ Decline without a reason
declined-reason = Reason: { $reason }
adm-form-by = /list { $id }: who answered what
adm-form-by-head = <b>{ $label }</b>: active registrations by their answer
adm-form-by-row = { $answer } ({ $count }): { $names }
adm-form-btn-edit = ✏️ { $n }
