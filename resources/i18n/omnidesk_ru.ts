<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="54"/>
        <source>OmniDesk</source>
        <translation>OmniDesk</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="60"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="61"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="65"/>
        <source>Database: {0}</source>
        <translation>База: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="67"/>
        <source>Fiscal register: {0} (not connected)</source>
        <translation>ККТ: {0} (не подключена)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="68"/>
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
        <location filename="../../omnidesk/ui/orders/page.py" line="159"/>
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
        <location filename="../../omnidesk/ui/orders/page.py" line="119"/>
        <source>Loading orders…</source>
        <translation>Загрузка заказов…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="153"/>
        <source>Could not load orders: {0}</source>
        <translation>Не удалось загрузить заказы: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="161"/>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="161"/>
        <source>tomorrow</source>
        <translation>завтра</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="177"/>
        <source>Shown: {0} of {1} orders · total {2} · due {3}</source>
        <translation>Показано: {0} из {1} заказов · сумма {2} · к оплате {3}</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="35"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="36"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="37"/>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="38"/>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="39"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="40"/>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="41"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="42"/>
        <source>Due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="43"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="44"/>
        <source>Address</source>
        <translation>Адрес</translation>
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
