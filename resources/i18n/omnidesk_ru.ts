<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="55"/>
        <source>OmniDesk</source>
        <translation>OmniDesk</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="62"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="63"/>
        <source>Routes</source>
        <translation>Маршруты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="64"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="68"/>
        <source>Database: {0}</source>
        <translation>База: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="70"/>
        <source>Fiscal register: {0} (not connected)</source>
        <translation>ККТ: {0} (не подключена)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="71"/>
        <source>Sync: not configured</source>
        <translation>Синхронизация: не настроена</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="39"/>
        <source>Select an order to see its details.</source>
        <translation>Выберите заказ, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="56"/>
        <source>Order No. {0}</source>
        <translation>Заказ № {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="62"/>
        <source>INN {0}</source>
        <translation>ИНН {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="64"/>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="69"/>
        <source>not set</source>
        <translation>не указана</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="73"/>
        <source>no coordinates</source>
        <translation>нет координат</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="74"/>
        <source>{0} kg</source>
        <translation>{0} кг</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="77"/>
        <source>Contact: {0}</source>
        <translation>Контакт: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="81"/>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="85"/>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="85"/>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="85"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="85"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="85"/>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="93"/>
        <source>Lines</source>
        <translation>Состав заказа</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="99"/>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="99"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="99"/>
        <source>Due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="104"/>
        <source>Payments</source>
        <translation>Оплаты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="106"/>
        <source>No payments yet.</source>
        <translation>Оплат пока нет.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="112"/>
        <source>(to this order: {0})</source>
        <translation>(в этот заказ: {0})</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="57"/>
        <source>Search: order number, customer, phone, INN, address</source>
        <translation>Поиск: номер заказа, покупатель, телефон, ИНН, адрес</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="60"/>
        <location filename="../../omnidesk/ui/orders/page.py" line="160"/>
        <source>All dates</source>
        <translation>Все даты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="62"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="65"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="66"/>
        <source>Reload orders from the database (F5)</source>
        <translation>Перечитать заказы из базы (F5)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="120"/>
        <source>Loading orders…</source>
        <translation>Загрузка заказов…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="154"/>
        <source>Could not load orders: {0}</source>
        <translation>Не удалось загрузить заказы: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="162"/>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="162"/>
        <source>tomorrow</source>
        <translation>завтра</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="182"/>
        <source>Shown: {0} of {1} orders · total {2} · due {3}</source>
        <translation>Показано: {0} из {1} заказов · сумма {2} · к оплате {3}</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="45"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="46"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="47"/>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="48"/>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="49"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="50"/>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="51"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="52"/>
        <source>Due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="53"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="54"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
</context>
<context>
    <name>RoutesModel</name>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="117"/>
        <source>Driver / stop</source>
        <translation>Водитель / остановка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="117"/>
        <source>Arrival</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="117"/>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="117"/>
        <source>Load</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="118"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="118"/>
        <source>Problems</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="184"/>
        <source>shift {0}</source>
        <translation>смена {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="188"/>
        <source>{0} stops · {1} km · {2} h {3} min</source>
        <translation>остановок: {0} · {1} км · {2} ч {3} мин</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="208"/>
        <source>pickup</source>
        <translation>забор</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="209"/>
        <source>carrier</source>
        <translation>передача в ТК</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="209"/>
        <source>delivery</source>
        <translation>доставка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="212"/>
        <source> (wait {0} min)</source>
        <translation> (ожидание {0} мин)</translation>
    </message>
</context>
<context>
    <name>RoutesPage</name>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="73"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="74"/>
        <source>Optimise all</source>
        <translation>Оптимизировать всё</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="75"/>
        <source>Optimise unlocked</source>
        <translation>Оптимизировать незакреплённое</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="76"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="77"/>
        <source>Lock up to selected stop</source>
        <translation>Закрепить до выбранной остановки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="78"/>
        <source>Publish</source>
        <translation>Опубликовать</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="79"/>
        <source>Route sheets (Excel)</source>
        <translation>Маршрутные листы (Excel)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="80"/>
        <source>Route sheets (PDF)</source>
        <translation>Маршрутные листы (PDF)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="87"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="157"/>
        <source>Loading routes…</source>
        <translation>Загрузка маршрутов…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="179"/>
        <source>Not on a route: {0} (only assembled orders can leave)</source>
        <translation>Не в маршруте: {0} (выехать могут только собранные заказы)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="181"/>
        <source>Vans: {0} · {1} km · stops: {2} · not on a route: {3}</source>
        <translation>Машин: {0} · {1} км · остановок: {2} · не в маршруте: {3}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="186"/>
        <source>Validator: {0}</source>
        <translation>Проверка: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="189"/>
        <source>Validator: the plan is valid</source>
        <translation>Проверка: план верен</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="206"/>
        <source>Error: {0}</source>
        <translation>Ошибка: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="228"/>
        <source>Optimising…</source>
        <translation>Оптимизация…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="235"/>
        <source>complete</source>
        <translation>все заказы размещены</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="235"/>
        <source>not all orders placed yet</source>
        <translation>пока размещены не все заказы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="236"/>
        <source>searching: {0} s, best {1} km, {2}</source>
        <translation>поиск: {0} с, лучший план {1} км, {2}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="275"/>
        <source>published routes: {0}</source>
        <translation>опубликовано маршрутов: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="280"/>
        <location filename="../../omnidesk/ui/routes/page.py" line="289"/>
        <source>Route sheets</source>
        <translation>Маршрутные листы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="292"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="292"/>
        <source>Arrival</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="292"/>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="292"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="292"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="293"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="293"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="293"/>
        <source>Collect</source>
        <translation>Получить</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="293"/>
        <source>Items</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="294"/>
        <source>Route sheet</source>
        <translation>Маршрутный лист</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="29"/>
        <source>In use now: {0}</source>
        <translation>Сейчас используется: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="32"/>
        <source>Shtrih-M</source>
        <translation>Штрих-М</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="43"/>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="45"/>
        <source>Database URL</source>
        <translation>Адрес базы данных</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="47"/>
        <source>Fiscal register</source>
        <translation>ККТ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="49"/>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="50"/>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="51"/>
        <source>Warehouse</source>
        <translation>Склад</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="53"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="57"/>
        <source>Latitude, longitude</source>
        <translation>Широта, долгота</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="58"/>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="60"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="62"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="92"/>
        <source>Saved. Database and language changes apply after a restart.</source>
        <translation>Сохранено. Смена базы и языка вступит в силу после перезапуска.</translation>
    </message>
</context>
<context>
    <name>UnassignedModel</name>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="40"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="40"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="40"/>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="40"/>
        <source>kg</source>
        <translation>кг</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="40"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="41"/>
        <source>Why not on a route</source>
        <translation>Почему не в маршруте</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../omnidesk/ui/errors.py" line="14"/>
        <source>Unexpected error: {0}</source>
        <translation>Непредвиденная ошибка: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/errors.py" line="18"/>
        <source>OmniDesk</source>
        <translation>OmniDesk</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="10"/>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="11"/>
        <source>Confirmed</source>
        <translation>Подтверждён</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="12"/>
        <source>Assembling</source>
        <translation>Комплектуется</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="13"/>
        <source>Ready to ship</source>
        <translation>Готов к отгрузке</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="14"/>
        <source>Out for delivery</source>
        <translation>В доставке</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="15"/>
        <source>Delivered</source>
        <translation>Доставлен</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="16"/>
        <source>Partly delivered</source>
        <translation>Доставлен частично</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="17"/>
        <source>Refused</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="18"/>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="22"/>
        <source>Individual</source>
        <translation>Физлицо</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="23"/>
        <source>Sole trader</source>
        <translation>ИП</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="24"/>
        <source>Company</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="28"/>
        <source>Own warehouse</source>
        <translation>Свой склад</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="29"/>
        <source>Supplier&apos;s warehouse</source>
        <translation>Склад поставщика</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="33"/>
        <source>cash</source>
        <translation>наличные</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="34"/>
        <source>card</source>
        <translation>карта</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="35"/>
        <source>SBP</source>
        <translation>СБП</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/labels.py" line="36"/>
        <source>bank transfer</source>
        <translation>банковский перевод</translation>
    </message>
</context>
</TS>
