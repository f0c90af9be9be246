error-internal = Sorry, something went wrong on my side. Please try again; your registration so far is kept.
error-storage = A temporary problem on our side: I cannot save anything right now. Nothing you entered is lost; please try again in a few minutes.
adm-storage-alarm = ⚠️ The bot cannot write its database { $path }: { $reason }. Participants are told to try again later; nothing they entered is lost. Check the disk space and the file's permissions, then restart the bot.
# One person's updates come faster than they are answered (the rest are dropped).
slow-down = You are sending messages faster than I can answer. Please wait a couple of seconds; messages sent meanwhile are skipped.
