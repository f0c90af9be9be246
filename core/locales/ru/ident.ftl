your-id = Ваш id в Telegram: <code>{ $id }</code>.
    Чтобы сделать этот аккаунт организатором, добавьте его в конфигурацию бота, в раздел [telegram]:
    <code>admins = [{ $id }]</code>
