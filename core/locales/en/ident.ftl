your-id = Your Telegram id is <code>{ $id }</code>.
    To make this account an organiser, put it in the bot's config, under [telegram]:
    <code>admins = [{ $id }]</code>
