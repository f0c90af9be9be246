your-id =
    Сіздің Telegram id: <code>{ $id }</code>.
    Бұл аккаунтты ұйымдастырушы ету үшін оны боттың конфигурациясына, [telegram] бөліміне қосыңыз:
    <code>admins = [{ $id }]</code>
