## The team: organisers and door staff per event (/team, invitation links)
cmd-team = The event's team: invite organisers and door staff
team-role-organiser = organiser
team-role-door = door staff
team-head = 👥 <b>Team</b> (owners from the config: { $owners })
team-row = • { $name } · { $role } · since { $since }
team-empty = Nobody else yet. Invite organisers and door staff with the buttons below.
team-link-row = 🔗 An unused { $role } link, valid until { $until } ({ $tz })
team-btn-invite-organiser = ➕ Invite an organiser
team-btn-invite-door = ➕ Invite door staff
team-btn-remove = ✖️ Remove { $name }
team-btn-revoke = 🚫 Revoke the { $role } link ({ $until })
team-btn-pick = 👤 Pick the { $role } from my contacts
team-invite = 🔗 A one-time link for <b>{ $role }</b> of «{ $title }», valid until { $until } ({ $tz }):
    { $link }
    Send it to the person: opening it makes them { $role }. If they have already talked to this bot, you can also pick them from your contacts with the button below.
team-gone = This member or link is no longer there.
team-removed = { $name } is no longer in the team.
team-removed-you = You are no longer { $role ->
        [organiser] an organiser
       *[door] door staff
    } of «{ $title }».
team-revoked = The link is revoked: it no longer works.
team-pick-owner = { $name } is an owner already: they have every event.
team-pick-unreachable = { $name } has not talked to this bot yet, so it cannot write to them. Send them the link instead.
team-added = ✅ { $name } is now { $role } of «{ $title }»; they have been told.
team-joined = ✅ You are now { $role ->
        [organiser] an organiser of «{ $title }»: /stats, /list, /door, /checkin CODE, /team and the rest of the console (/help lists them).
       *[door] door staff of «{ $title }»: scan the entry passes' QR codes with your phone's camera, or send /checkin CODE; /door lists who has a seat.
    }
team-joined-tell = ✅ { $name } joined «{ $title }» as { $role ->
        [organiser] an organiser
       *[door] door staff
    }.
team-link-unknown = This invitation link does not work. Ask the organiser for a new one.
team-link-used = This invitation link has already been used; each link works once. Ask the organiser for a new one.
team-link-revoked = This invitation link was revoked by the organisers. Ask them for a new one.
team-link-expired = This invitation link expired on { $at }. Ask the organiser for a new one.
team-link-member = You are in this event's team already. The link stays unused: it can still bring in someone else.
team-link-owner = You are an owner of this bot already: every event is yours. The link stays unused.
adm-checkin-by-nobody = someone
adm-act-team-invite = team invitation
adm-act-team-join = joined the team
adm-act-team-add = added to the team
adm-act-team-remove = removed from the team
adm-act-team-revoke = invitation revoked
adm-word-organiser = organiser
adm-word-door = door staff
