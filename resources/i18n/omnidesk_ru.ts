<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ActRowsModel</name>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="43"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="43"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="43"/>
        <source>Receipts, details</source>
        <translation>Чеки, сведения</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="43"/>
        <source>Debit</source>
        <translation>Дебет</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="44"/>
        <source>Credit</source>
        <translation>Кредит</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="53"/>
        <source>Opening balance</source>
        <translation>Сальдо начальное</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="55"/>
        <source>Turnover</source>
        <translation>Обороты за период</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="56"/>
        <source>Closing balance</source>
        <translation>Сальдо конечное</translation>
    </message>
</context>
<context>
    <name>AmountEdit</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/widgets.py" line="46"/>
        <source>Enter an amount</source>
        <translation>Введите сумму</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/widgets.py" line="51"/>
        <source>Not an amount of money: {0}</source>
        <translation>Это не сумма денег: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/widgets.py" line="54"/>
        <source>The amount cannot be negative</source>
        <translation>Сумма не может быть отрицательной</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="39"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="39"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="39"/>
        <source>Workstation</source>
        <translation>Рабочее место</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="39"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="40"/>
        <source>Object</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="40"/>
        <source>Details (before → after)</source>
        <translation>Подробности (до → после)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="61"/>
        <source>login</source>
        <translation>логин</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="64"/>
        <source>any object</source>
        <translation>любой объект</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="69"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="70"/>
        <source>Export…</source>
        <translation>Выгрузить…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="79"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="79"/>
        <source>Object</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="80"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="80"/>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="108"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="114"/>
        <source>Entries: {0}</source>
        <translation>Записей: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="122"/>
        <source>Export the audit log</source>
        <translation>Выгрузка журнала изменений</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="122"/>
        <source>audit.xlsx</source>
        <translation>журнал.xlsx</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="123"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="129"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/audit_page.py" line="134"/>
        <source>Saved: {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
</context>
<context>
    <name>BankLinesModel</name>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="37"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="37"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="37"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="37"/>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="37"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="38"/>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="38"/>
        <source>Explanation</source>
        <translation>Почему</translation>
    </message>
</context>
<context>
    <name>BankPage</name>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="69"/>
        <source>Import statement…</source>
        <translation>Загрузить выписку…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="70"/>
        <source>1CClientBankExchange file; you can also drop it on this page</source>
        <translation>Файл 1CClientBankExchange; его можно и перетащить на эту страницу</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="71"/>
        <source>Only lines to review</source>
        <translation>Только на разбор</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="72"/>
        <source>Drop a bank statement here or press Import.</source>
        <translation>Перетащите сюда банковскую выписку или нажмите «Загрузить».</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="76"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="121"/>
        <source>Use suggestion</source>
        <translation>Взять подсказку</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="123"/>
        <source>Not ours</source>
        <translation>Не наш платёж</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="124"/>
        <source>New customer from the payer</source>
        <translation>Новый клиент из плательщика</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="125"/>
        <source>Create a customer with the payer&apos;s name, INN, KPP and account, then book the payment to them</source>
        <translation>Создать клиента с именем, ИНН, КПП и счётом плательщика, затем разнести платёж на него</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="128"/>
        <source>Undo allocation</source>
        <translation>Отменить зачёт</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="129"/>
        <source>A reversing entry: the money goes back to the customer&apos;s advance</source>
        <translation>Сторнирующая запись: деньги возвращаются в аванс покупателя</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="133"/>
        <source>Suggestions</source>
        <translation>Подсказки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="141"/>
        <source>Split across orders and advance</source>
        <translation>Разнести по заказам и в аванс</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="143"/>
        <source>Allocations of this payment</source>
        <translation>Зачёты этого платежа</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="179"/>
        <source>Bank statement</source>
        <translation>Банковская выписка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="180"/>
        <source>Bank statements (*.txt);;All files (*)</source>
        <translation>Банковские выписки (*.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="204"/>
        <source>Importing {0}…</source>
        <translation>Загрузка {0}…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="221"/>
        <source>Import cancelled.</source>
        <translation>Загрузка отменена.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="231"/>
        <source>{0}: {1} new, {2} duplicates, {3} outgoing skipped; {4} to review</source>
        <translation>{0}: новых {1}, повторов {2}, исходящих пропущено {3}; на разбор {4}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="247"/>
        <source>Nothing imported: {0}</source>
        <translation>Ничего не загружено: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="264"/>
        <source>advance</source>
        <translation>аванс</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="283"/>
        <source>(undone {0})</source>
        <translation>(отменено {0})</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="312"/>
        <source>Customer «{0}» created (id {1}); check the split and book.</source>
        <translation>Клиент «{0}» создан (id {1}); проверьте разнесение и разнесите.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="322"/>
        <source>none (all to the advance)</source>
        <translation>нет (всё в аванс)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="323"/>
        <source>Book payment No. {0} for {1}?</source>
        <translation>Разнести платёж №{0} на {1}?</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="324"/>
        <source>Payer: {0}
Customer: {1}
Orders: {2}</source>
        <translation>Плательщик: {0}
Клиент: {1}
Заказы: {2}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="325"/>
        <source>Book a payment</source>
        <translation>Разнесение платежа</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="325"/>
        <source>Book</source>
        <translation>Разнести</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="332"/>
        <source>Payment No. {0} booked.</source>
        <translation>Платёж №{0} разнесён.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="338"/>
        <source>Payment No. {0} marked as not ours.</source>
        <translation>Платёж №{0} отмечен как не наш.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/page.py" line="345"/>
        <source>Allocation to order No. {0} undone.</source>
        <translation>Зачёт в заказ №{0} отменён.</translation>
    </message>
</context>
<context>
    <name>BuyerDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/buyer_dialog.py" line="18"/>
        <source>Buyer on receipt No. {0}</source>
        <translation>Покупатель в чеке № {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/buyer_dialog.py" line="18"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/buyer_dialog.py" line="20"/>
        <source>For this receipt only: «{0}» for {1}, customer {2}. The customer&apos;s card does not change.</source>
        <translation>Только для этого чека: «{0}» на {1}, клиент {2}. Карточка клиента не меняется.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/buyer_dialog.py" line="24"/>
        <source>e.g. ООО «Тепломонтаж» or Иванов Иван Иванович</source>
        <translation>например, ООО «Тепломонтаж» или Иванов Иван Иванович</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/buyer_dialog.py" line="27"/>
        <source>10 digits for a company, 12 for a person</source>
        <translation>10 цифр у организации, 12 — у физлица и ИП</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/buyer_dialog.py" line="30"/>
        <source>e-mail or phone: the receipt is sent there</source>
        <translation>e-mail или телефон: туда уйдёт чек</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/buyer_dialog.py" line="31"/>
        <source>Buyer &amp;name:</source>
        <translation>&amp;Покупатель:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/buyer_dialog.py" line="32"/>
        <source>Buyer &amp;INN:</source>
        <translation>&amp;ИНН покупателя:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/buyer_dialog.py" line="33"/>
        <source>E-mail or &amp;phone:</source>
        <translation>E-mail или &amp;телефон:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/buyer_dialog.py" line="42"/>
        <source>INN «{0}» is not valid: 10 or 12 digits with correct check digits.</source>
        <translation>ИНН «{0}» неверен: нужно 10 или 12 цифр с верными контрольными цифрами.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/buyer_dialog.py" line="45"/>
        <source>With an INN the receipt also needs the buyer&apos;s name.</source>
        <translation>С ИНН в чеке нужно и наименование покупателя.</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="63"/>
        <source>Cancel order No. {0}</source>
        <translation>Отмена заказа №{0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="63"/>
        <source>Cancel the order</source>
        <translation>Отменить заказ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="65"/>
        <source>Order No. {0} for {1} will be cancelled. Paid on it: {2}.</source>
        <translation>Заказ №{0} на {1} будет отменён. Оплачено по нему: {2}.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="67"/>
        <source>keep the money as the customer&apos;s advance</source>
        <translation>оставить деньги авансом покупателя</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="68"/>
        <source>refund the money</source>
        <translation>вернуть деньги</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="73"/>
        <source>Money:</source>
        <translation>Деньги:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="75"/>
        <source>Refund &amp;by:</source>
        <translation>&amp;Вернуть:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="76"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
</context>
<context>
    <name>CashDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="113"/>
        <source>Cash in</source>
        <translation>Внесение</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="113"/>
        <source>Cash out</source>
        <translation>Выплата</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="115"/>
        <source>The register prints a cash-in document.</source>
        <translation>ККТ напечатает документ внесения наличных.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="116"/>
        <source>The register prints a cash-out document.</source>
        <translation>ККТ напечатает документ выплаты наличных.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="118"/>
        <source>&amp;Amount, ₽:</source>
        <translation>&amp;Сумма, ₽:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="123"/>
        <source>The amount must be greater than zero</source>
        <translation>Сумма должна быть больше нуля</translation>
    </message>
</context>
<context>
    <name>CashierPage</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="103"/>
        <source>Payment…</source>
        <translation>Поступление…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="103"/>
        <source>Delivery outcome…</source>
        <translation>Итог доставки…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="105"/>
        <source>Return…</source>
        <translation>Возврат товара…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="105"/>
        <source>Cancel order…</source>
        <translation>Отмена заказа…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="106"/>
        <source>Refund advance…</source>
        <translation>Возврат аванса…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="106"/>
        <source>Correction…</source>
        <translation>Чек коррекции…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="107"/>
        <source>Print selected</source>
        <translation>Печать выбранного</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="102"/>
        <source>Print waiting receipts</source>
        <translation>Напечатать ожидающие чеки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="76"/>
        <source>Register</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="77"/>
        <source>Receipts to print</source>
        <translation>Чеки к печати</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="78"/>
        <source>Driver handover</source>
        <translation>Сдача выручки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="104"/>
        <location filename="../../omnidesk/ui/cashier/page.py" line="318"/>
        <source>Pay from advance</source>
        <translation>Оплатить из аванса</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="130"/>
        <source>Buyer on receipt…</source>
        <translation>Покупатель в чеке…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="141"/>
        <location filename="../../omnidesk/ui/cashier/page.py" line="267"/>
        <source>Return to the advance</source>
        <translation>Вернуть в аванс</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="142"/>
        <source>Move to another order…</source>
        <translation>Перенести в другой заказ…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="255"/>
        <source>Select an allocation that still holds money (tab «Allocations to orders»).</source>
        <translation>Выберите зачёт, в котором ещё есть деньги (вкладка «Зачёты по заказам»).</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="263"/>
        <source>Return {0} from order No. {1} to the customer&apos;s advance?</source>
        <translation>Вернуть {0} из заказа № {1} в аванс покупателя?</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="265"/>
        <source>A reversing entry is added; nothing is deleted. If the money was fiscalised as a prepayment, an income return and an advance receipt become owed.</source>
        <translation>Добавится отменяющая запись, ничего не удаляется. Если деньги были пробиты как предоплата, к печати добавятся чек возврата прихода и чек аванса.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="267"/>
        <source>Undo an allocation</source>
        <translation>Отмена зачёта</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="270"/>
        <source>Returned to the advance from order No. {0}</source>
        <translation>Возвращено в аванс из заказа № {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="279"/>
        <source>The customer has no other open order that owes money.</source>
        <translation>У покупателя нет другого открытого заказа с долгом.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="280"/>
        <source>Move an allocation</source>
        <translation>Перенос зачёта</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="280"/>
        <source>To order:</source>
        <translation>В заказ:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="285"/>
        <source>Moved from order No. {0} to order No. {1}</source>
        <translation>Перенесено из заказа № {0} в заказ № {1}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="292"/>
        <location filename="../../omnidesk/ui/cashier/page.py" line="387"/>
        <source>Find a customer first (Ctrl+F).</source>
        <translation>Сначала найдите покупателя (Ctrl+F).</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="299"/>
        <source>Register a payment of {0} — customer {1}?</source>
        <translation>Зарегистрировать поступление {0} — покупатель {1}?</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="300"/>
        <source>Register a payment</source>
        <translation>Регистрация поступления</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="300"/>
        <source>Register the payment</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="311"/>
        <source>The customer has no advance to apply.</source>
        <translation>У покупателя нет аванса.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="313"/>
        <source>Select an open order that still owes money.</source>
        <translation>Выберите открытый заказ, по которому есть долг.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="315"/>
        <source>Apply {0} from the advance to order No. {1}?</source>
        <translation>Зачесть {0} из аванса в заказ №{1}?</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="316"/>
        <source>Nothing prints now: the advance receipt was printed when the money came, and the receipt at delivery will offset this sum as a prepayment (tag 1215).</source>
        <translation>Сейчас ничего не печатается: чек аванса пробит при поступлении денег, а чек при доставке зачтёт эту сумму как предоплату (тег 1215).</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="318"/>
        <source>Apply</source>
        <translation>Зачесть</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="328"/>
        <source>The customer has no advance to refund.</source>
        <translation>У покупателя нет аванса для возврата.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="336"/>
        <source>Advance refunded; left on the advance: {0}</source>
        <translation>Аванс возвращён; на авансе осталось: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="344"/>
        <source>Select a suitable order in the table first.</source>
        <translation>Сначала выберите подходящий заказ в таблице.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="376"/>
        <source>Select an open order to cancel.</source>
        <translation>Выберите открытый заказ для отмены.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="402"/>
        <source>Correction receipt created</source>
        <translation>Чек коррекции создан</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="409"/>
        <source>Nothing to print: no receipt is owed to this customer.</source>
        <translation>Печатать нечего: все чеки этого покупателя напечатаны.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="417"/>
        <source>Select a receipt still to print in the Receipts table.</source>
        <translation>Выберите ненапечатанный чек в таблице «Чеки».</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/page.py" line="425"/>
        <source>Select a receipt not printed yet in the Receipts table: only its buyer can change.</source>
        <translation>Выберите в таблице «Чеки» ещё не напечатанный чек: покупателя можно менять только в нём.</translation>
    </message>
</context>
<context>
    <name>CashierTables</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="145"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="256"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="276"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="146"/>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="148"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="149"/>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="150"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="151"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="282"/>
        <source>Due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="152"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="167"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="197"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="169"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="198"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="222"/>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="170"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="225"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="171"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="200"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="223"/>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="173"/>
        <source>Paid by</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="174"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="219"/>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="175"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="196"/>
        <source>FD</source>
        <translation>ФД</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="176"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="204"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="226"/>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="199"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="221"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="278"/>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="202"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="239"/>
        <location filename="../../omnidesk/ui/cashier/models.py" line="255"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="240"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="241"/>
        <source>Advance ±</source>
        <translation>Аванс ±</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="258"/>
        <source>Payment</source>
        <translation>Платёж</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="259"/>
        <source>Applied</source>
        <translation>Зачтено</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="261"/>
        <source>Still in the order</source>
        <translation>Осталось в заказе</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="263"/>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="279"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="280"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="281"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="290"/>
        <source>Driver</source>
        <translation>Водитель</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="291"/>
        <source>Route</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="292"/>
        <source>Stops</source>
        <translation>Точек</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="293"/>
        <source>Expected</source>
        <translation>Ожидалось</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="295"/>
        <source>Collected</source>
        <translation>Собрано</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="297"/>
        <source>Cash in</source>
        <translation>Сдано наличными</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="299"/>
        <source>Card in</source>
        <translation>Сдано картой</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/models.py" line="301"/>
        <source>Difference</source>
        <translation>Разница</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/widgets.py" line="97"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="46"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="46"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="46"/>
        <source>What happened</source>
        <translation>Что случилось</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="46"/>
        <source>Since</source>
        <translation>С какого времени</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="53"/>
        <source>cancelled in the CRM</source>
        <translation>отменён в CRM</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="53"/>
        <source>date or window</source>
        <translation>дата или окно</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="54"/>
        <source>lines</source>
        <translation>состав заказа</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="54"/>
        <source>changed in 1C</source>
        <translation>изменён в 1С</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="52"/>
        <source>Correction receipt</source>
        <translation>Чек коррекции</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="73"/>
        <source>Income (money received)</source>
        <translation>Приход (деньги получены)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="74"/>
        <source>Income return (money paid back)</source>
        <translation>Возврат прихода (деньги возвращены)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="75"/>
        <source>goods of the order (full settlement)</source>
        <translation>товар заказа (полный расчёт)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="76"/>
        <source>a sum without goods (advance)</source>
        <translation>сумма без товара (аванс)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="79"/>
        <source>cash</source>
        <translation>наличными</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="80"/>
        <source>non-cash (card, SBP, transfer)</source>
        <translation>безналичными (карта, СБП, перевод)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="85"/>
        <source>on our own initiative</source>
        <translation>самостоятельно</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="86"/>
        <source>by order of the tax office No.</source>
        <translation>по предписанию налоговой №</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="90"/>
        <source>e.g. the delivery receipt was not printed</source>
        <translation>например: не пробит чек при доставке</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="94"/>
        <source>&amp;Operation:</source>
        <translation>&amp;Операция:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="95"/>
        <source>What was missed:</source>
        <translation>Что не пробито:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="121"/>
        <source>Lines of order No. {0}</source>
        <translation>Строки заказа №{0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="122"/>
        <source>No order selected</source>
        <translation>Заказ не выбран</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="99"/>
        <source>&amp;Sum, ₽:</source>
        <translation>&amp;Сумма, ₽:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="100"/>
        <source>&amp;Paid:</source>
        <translation>Опл&amp;ачено:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="101"/>
        <source>&amp;Date of the missed settlement:</source>
        <translation>&amp;Дата расчёта (1178):</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="102"/>
        <source>Correction:</source>
        <translation>Коррекция:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="104"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="107"/>
        <source>Create the receipt</source>
        <translation>Создать чек</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="108"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="146"/>
        <source>Pick the lines that were not fiscalised</source>
        <translation>Укажите строки, по которым не пробит чек</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="148"/>
        <source>The amount must be greater than zero</source>
        <translation>Сумма должна быть больше нуля</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="150"/>
        <source>Enter the number of the tax office&apos;s order</source>
        <translation>Введите номер предписания налоговой</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="152"/>
        <source>Say what is being corrected</source>
        <translation>Укажите, что исправляется</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/correction_dialog.py" line="160"/>
        <source>Correction receipt total: {0}</source>
        <translation>Сумма чека коррекции: {0}</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="72"/>
        <source>Show delivered and cancelled orders too</source>
        <translation>Показывать и доставленные, и отменённые</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="77"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="96"/>
        <source>Select a receipt to see what it prints and why.</source>
        <translation>Выберите чек — здесь будет, что он напечатает и почему.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="103"/>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="104"/>
        <source>Payments and allocations</source>
        <translation>Поступления и зачёты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="107"/>
        <source>Undo an allocation (the money returns to the advance) or move it to another order: Ctrl+U, Ctrl+M</source>
        <translation>Отменить зачёт (деньги вернутся в аванс) или перенести его в другой заказ: Ctrl+U, Ctrl+M</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="109"/>
        <source>Allocations to orders</source>
        <translation>Зачёты по заказам</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="120"/>
        <source>Find a customer or an order above (Ctrl+F).</source>
        <translation>Найдите покупателя или заказ в строке поиска (Ctrl+F).</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="129"/>
        <source>INN {0}</source>
        <translation>ИНН {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="132"/>
        <source>Advance: {0}</source>
        <translation>Аванс: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="150"/>
        <source>⚠ Receipts to print: {0} for {1} — press F9 to print them</source>
        <translation>⚠ Не напечатано чеков: {0} на {1} — F9, чтобы напечатать</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="154"/>
        <source>✓ Every receipt owed to this customer is printed</source>
        <translation>✓ Все чеки этого покупателя напечатаны</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/customer_panel.py" line="158"/>
        <source>At delivery a «full settlement» receipt will be owed for prepaid orders: {0}</source>
        <translation>При доставке нужен будет чек «Полный расчёт» по предоплаченным заказам: {0}</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="126"/>
        <source>Delivery outcome — order No. {0}</source>
        <translation>Итог доставки — заказ №{0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="127"/>
        <source>Refused at the door (0 — everything accepted)</source>
        <translation>Отказ при получении (0 — всё принято)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="131"/>
        <source>— not recorded —</source>
        <translation>— не указан —</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="134"/>
        <source>keep as the customer&apos;s advance</source>
        <translation>оставить авансом покупателя</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="135"/>
        <source>refund to the customer</source>
        <translation>вернуть покупателю</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="142"/>
        <source>Record</source>
        <translation>Записать</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="150"/>
        <source>Refused</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="157"/>
        <source>&amp;Collected at the door, ₽:</source>
        <translation>&amp;Получено при доставке, ₽:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="160"/>
        <source>&amp;Driver:</source>
        <translation>&amp;Водитель:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="161"/>
        <source>Prepayment for refused goods</source>
        <translation>Предоплата за непринятый товар</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="191"/>
        <source>Accepted goods: {0} · prepaid: {1} · to collect at the door: {2}</source>
        <translation>Принято товара: {0} · предоплата: {1} · получить при доставке: {2}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="194"/>
        <source>Prepayment with no goods behind it: {0}</source>
        <translation>Предоплата без товара: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="198"/>
        <source>Collected {0} is more than the {1} due: register the rest as a separate payment</source>
        <translation>Получено {0} — больше, чем к оплате {1}: лишнее оформите отдельным поступлением</translation>
    </message>
</context>
<context>
    <name>DriverRegister</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="65"/>
        <source>Not printed at the door</source>
        <translation>Не пробит у двери</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="66"/>
        <source>Printed for another amount</source>
        <translation>Пробит на другую сумму</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="67"/>
        <source>A document no stop explains</source>
        <translation>Документ без остановки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="74"/>
        <source>Register of {0}: serial No. {1}, FN {2}, documents {3}…{4}</source>
        <translation>ККТ водителя {0}: зав. № {1}, ФН {2}, ФД {3}…{4}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="77"/>
        <source>Matched with the stops: {0} receipt(s) for {1}</source>
        <translation>Совпало с остановками: {0} чек(ов) на {1}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="79"/>
        <source>No discrepancies: nothing is owed at the office for this driver.</source>
        <translation>Расхождений нет: в офисе по этому водителю ничего не пробивать.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="81"/>
        <source>correction receipt(s) now owed: {0}</source>
        <translation>к печати чек(и) коррекции: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="82"/>
        <source>no receipt is made automatically: {0}</source>
        <translation>чек сам не создаётся; предложение — {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="91"/>
        <source>Select a driver&apos;s row first.</source>
        <translation>Сначала выберите строку водителя.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="92"/>
        <source>{0} has no register of their own on the driver&apos;s card — set it with «Driver&apos;s register…»</source>
        <translation>У водителя {0} нет своей ККТ в карточке — укажите её кнопкой «Касса водителя…»</translation>
    </message>
</context>
<context>
    <name>DriverRegisterDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="20"/>
        <source>Driver&apos;s register</source>
        <translation>Касса водителя</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="20"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="22"/>
        <source>Money taken at the door is fiscalised on the driver&apos;s own register. Port: /dev/ttyACM0, COM3 or socket://host:port; leave it empty if the driver has none.</source>
        <translation>Деньги у двери пробиваются на ККТ самого водителя. Порт: /dev/ttyACM0, COM3 или socket://адрес:порт; оставьте пустым, если у водителя ККТ нет.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="32"/>
        <source>&amp;Driver:</source>
        <translation>&amp;Водитель:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="33"/>
        <source>&amp;Port:</source>
        <translation>&amp;Порт ККТ:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="34"/>
        <source>&amp;Serial No.:</source>
        <translation>&amp;Заводской №:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="35"/>
        <source>&amp;FN No.:</source>
        <translation>Номер &amp;ФН:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="56"/>
        <source>No driver to set a register for.</source>
        <translation>Не выбран водитель.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="58"/>
        <source>The FN number is digits only (16 digits on the FN&apos;s label).</source>
        <translation>Номер ФН — только цифры (16 цифр на наклейке ФН).</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/driver_register.py" line="60"/>
        <source>Give the register&apos;s port, or clear the serial and FN number.</source>
        <translation>Укажите порт ККТ или очистите заводской номер и номер ФН.</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../omnidesk/ui/first_run.py" line="11"/>
        <source>Who is at the register?</source>
        <translation>Кто за кассой?</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/first_run.py" line="12"/>
        <source>Your full name, as receipts print it (e.g. Иванова Анна Сергеевна). It can be changed later on the Settings page.</source>
        <translation>Ваши фамилия, имя и отчество — так они будут напечатаны в чеках (например, Иванова Анна Сергеевна). Потом их можно изменить на странице «Настройки».</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="132"/>
        <source>Driver handover</source>
        <translation>Сдача выручки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="132"/>
        <source>Receive</source>
        <translation>Принять</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="133"/>
        <source>{0} collected at the doors: cash {1}, card {2}.</source>
        <translation>{0} собрал у покупателей: наличными {1}, картой {2}.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="139"/>
        <source>&amp;Cash counted, ₽:</source>
        <translation>&amp;Наличных пересчитано, ₽:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="140"/>
        <source>Car&amp;d slips, ₽:</source>
        <translation>&amp;Слипов по картам, ₽:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="141"/>
        <source>&amp;Note:</source>
        <translation>&amp;Примечание:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="152"/>
        <source>The amount must be greater than zero</source>
        <translation>Сумма должна быть больше нуля</translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="44"/>
        <source>Expected: what the route&apos;s stops had to pay at the door. Collected: money recorded with the delivery outcomes. Handed in: what the cashier counted («Receive money…»).</source>
        <translation>Ожидалось: сколько должны были заплатить на точках маршрута. Собрано: деньги, записанные с итогами доставки. Сдано: что пересчитал кассир («Принять выручку…»).</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="48"/>
        <source>Receive money…</source>
        <translation>Принять выручку…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="49"/>
        <source>Count what the selected driver hands in (cash and card slips)</source>
        <translation>Пересчитать, что сдаёт выбранный водитель (наличные и слипы)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="51"/>
        <source>Read driver&apos;s register</source>
        <translation>Считать ККТ водителя</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="53"/>
        <source>Driver&apos;s register…</source>
        <translation>Касса водителя…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="54"/>
        <source>The port, serial No. and FN No. of a driver&apos;s own register</source>
        <translation>Порт, заводской номер и номер ФН собственной ККТ водителя</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="60"/>
        <source>Day:</source>
        <translation>День:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="99"/>
        <source>Cash handed in: {0} · card: {1} · difference: {2}</source>
        <translation>Сдано наличными: {0} · картой: {1} · разница: {2}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="102"/>
        <source>No driver money recorded on this day.</source>
        <translation>За этот день водители денег не сдавали.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="106"/>
        <source>Door money on drivers&apos; registers: confirmed {0} · not read yet {1} · not printed (corrections owed) {2}</source>
        <translation>Деньги у двери по ККТ водителей: подтверждено {0} · ещё не считано {1} · не пробито (к печати чеки коррекции) {2}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="131"/>
        <source>Read the receipts {0} printed at the doors from the register ({1}) and match them with the stops</source>
        <translation>Прочитать чеки, которые {0} пробил у дверей, из ККТ ({1}) и сверить их с остановками</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="143"/>
        <source>Reading the register of {0}…</source>
        <translation>Читаю ККТ водителя {0}…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="153"/>
        <source>The register was not read: {0}</source>
        <translation>ККТ не прочитана: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="160"/>
        <source>There is no driver yet.</source>
        <translation>Водителей ещё нет.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/handover.py" line="174"/>
        <source>Select a driver&apos;s row first.</source>
        <translation>Сначала выберите строку водителя.</translation>
    </message>
</context>
<context>
    <name>LinesDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="81"/>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="81"/>
        <source>Ordered</source>
        <translation>Заказано</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="81"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="99"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>LoadBarDelegate</name>
    <message>
        <location filename="../../omnidesk/ui/routes/widgets.py" line="31"/>
        <source>kg</source>
        <translation>кг</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/widgets.py" line="31"/>
        <source>m³</source>
        <translation>м³</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="78"/>
        <source>OmniDesk</source>
        <translation>OmniDesk</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="78"/>
        <source>OmniDesk — DEMO database</source>
        <translation>OmniDesk — ДЕМОНСТРАЦИОННАЯ база</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="94"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="95"/>
        <source>Routes</source>
        <translation>Маршруты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="96"/>
        <source>Cashier</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="97"/>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="98"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="99"/>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="100"/>
        <source>Audit log</source>
        <translation>Журнал изменений</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="101"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="105"/>
        <location filename="../../omnidesk/ui/main_window.py" line="164"/>
        <source>Database: {0}</source>
        <translation>База: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="107"/>
        <source>DEMO database</source>
        <translation>ДЕМО-база</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="108"/>
        <source>DEMO: fictitious data, receipts go only to the built-in emulator</source>
        <translation>ДЕМО: вымышленные данные, чеки печатаются только на встроенном эмуляторе</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="114"/>
        <source>Switch user</source>
        <translation>Сменить пользователя</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="167"/>
        <source>Database {0} is not answering — reconnecting…</source>
        <translation>База данных {0} не отвечает — переподключение…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="176"/>
        <source>{0} ({1}) — switch user</source>
        <translation>{0} ({1}) — сменить пользователя</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="178"/>
        <source>Not signed in: {0} ({1}) — sign in</source>
        <translation>Без входа: {0} ({1}) — войти</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="196"/>
        <source>Receipts to print: {0}</source>
        <translation>Чеки к печати: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="209"/>
        <source>Fiscal register: {0} (not connected)</source>
        <translation>ККТ: {0} (не подключена)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/main_window.py" line="111"/>
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
        <location filename="../../omnidesk/ui/orders/detail.py" line="70"/>
        <source>no coordinates</source>
        <translation>нет координат</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="71"/>
        <source>{0} kg</source>
        <translation>{0} кг</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="74"/>
        <source>Contact: {0}</source>
        <translation>Контакт: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="78"/>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="82"/>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="82"/>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="82"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="82"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="82"/>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="90"/>
        <source>Lines</source>
        <translation>Состав заказа</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="96"/>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="96"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="96"/>
        <source>Due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="101"/>
        <source>Payments</source>
        <translation>Оплаты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="103"/>
        <source>No payments yet.</source>
        <translation>Оплат пока нет.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/detail.py" line="109"/>
        <source>(to this order: {0})</source>
        <translation>(в этот заказ: {0})</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="63"/>
        <source>Search: order number, customer, phone, INN, address</source>
        <translation>Поиск: номер заказа, покупатель, телефон, ИНН, адрес</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="66"/>
        <location filename="../../omnidesk/ui/orders/page.py" line="230"/>
        <source>All dates</source>
        <translation>Все даты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="68"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="71"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="72"/>
        <source>Reload orders from the database (F5)</source>
        <translation>Перечитать заказы из базы (F5)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="73"/>
        <source>Excel…</source>
        <translation>В Excel…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="74"/>
        <source>Save the orders shown (as filtered) to an Excel file</source>
        <translation>Сохранить показанные заказы (с учётом фильтров) в файл Excel</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="140"/>
        <source>Open at the cashier (Enter)</source>
        <translation>Открыть в кассе (Enter)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="141"/>
        <source>Copy the order number</source>
        <translation>Скопировать номер заказа</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="142"/>
        <source>Save the list to Excel…</source>
        <translation>Сохранить список в Excel…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="163"/>
        <source>Loading orders…</source>
        <translation>Загрузка заказов…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="194"/>
        <source>No orders yet. Orders come from 1C and the CRM by synchronisation (set it up in its settings); to try OmniDesk with sample data, run «omnidesk demo».</source>
        <translation>Заказов пока нет. Заказы приходят из 1С и CRM синхронизацией (её настраивают в настройках синхронизации); попробовать OmniDesk на примерах — команда «omnidesk demo».</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="224"/>
        <source>Could not load orders: {0}</source>
        <translation>Не удалось загрузить заказы: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="232"/>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="232"/>
        <source>tomorrow</source>
        <translation>завтра</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="252"/>
        <source>Shown: {0} of {1} orders · total {2} · due {3}</source>
        <translation>Показано: {0} из {1} заказов · сумма {2} · к оплате {3}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="282"/>
        <source>Orders {0}.xlsx</source>
        <translation>Заказы {0}.xlsx</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="283"/>
        <source>Save to Excel</source>
        <translation>Сохранить в Excel</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="283"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/page.py" line="290"/>
        <source>Saved: {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="46"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="47"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="48"/>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="49"/>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="50"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="51"/>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="52"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="53"/>
        <source>Due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="54"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/orders/model.py" line="55"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="27"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="27"/>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="27"/>
        <source>To</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="27"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="27"/>
        <source>Order or route</source>
        <translation>Заказ или маршрут</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="28"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="28"/>
        <source>Tries</source>
        <translation>Попыток</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="28"/>
        <source>Next try</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="28"/>
        <source>Error or note</source>
        <translation>Ошибка или примечание</translation>
    </message>
</context>
<context>
    <name>OwedPanel</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/owed_panel.py" line="37"/>
        <source>Print all</source>
        <translation>Печатать все</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/owed_panel.py" line="38"/>
        <source>Print every receipt in this list, oldest first (you confirm what prints)</source>
        <translation>Напечатать все чеки списка, начиная с самого старого (перед печатью покажем, что будет напечатано)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/owed_panel.py" line="40"/>
        <source>Buyer on receipt…</source>
        <translation>Покупатель в чеке…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/owed_panel.py" line="41"/>
        <source>The buyer&apos;s name and INN, an e-mail or phone — on the selected receipt only</source>
        <translation>Наименование и ИНН покупателя, e-mail или телефон — только в выбранном чеке</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/owed_panel.py" line="74"/>
        <source>{0} receipt(s) owed for {1}, oldest first</source>
        <translation>Чеков к печати: {0} на {1}, сначала самые старые</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/owed_panel.py" line="77"/>
        <source>Every receipt is printed: nothing is owed.</source>
        <translation>Все чеки напечатаны, печатать нечего.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="43"/>
        <source>No. {0} · due {1}</source>
        <translation>№{0} · к оплате {1}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="44"/>
        <source>Empty: as much as the order still owes</source>
        <translation>Пусто — сколько заказ ещё должен</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="74"/>
        <source>Register a payment — {0}</source>
        <translation>Поступление денег — {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="101"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид оплаты:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="102"/>
        <source>&amp;Amount, ₽:</source>
        <translation>&amp;Сумма, ₽:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="104"/>
        <source>&amp;Purpose:</source>
        <translation>&amp;Назначение:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="105"/>
        <source>Apply to open orders (the rest stays as the customer&apos;s advance)</source>
        <translation>Зачесть в открытые заказы (остаток — аванс покупателя)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="111"/>
        <source>The customer has no orders to pay: all of it becomes an advance.</source>
        <translation>У покупателя нет заказов к оплате: вся сумма станет авансом.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="114"/>
        <source>Register</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="115"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="122"/>
        <source>The customer already has {0} on advance: close this dialog and press F8 to pay the selected order from it.</source>
        <translation>У покупателя уже есть аванс {0}: закройте окно и нажмите F8, чтобы оплатить из него выбранный заказ.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="159"/>
        <source>The amount must be greater than zero</source>
        <translation>Сумма должна быть больше нуля</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="161"/>
        <source>More than {0} in one payment: check the amount (the limit is the setting cashier.max_payment)</source>
        <translation>Больше {0} за одно поступление — проверьте сумму (предел задан в настройке cashier.max_payment)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="165"/>
        <source>Order No. {0}: {1}</source>
        <translation>Заказ №{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="168"/>
        <source>Order No. {0} owes {1}: cannot apply {2}</source>
        <translation>По заказу №{0} к оплате {1}: нельзя зачесть {2}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="172"/>
        <source>The orders take {0} more than the payment</source>
        <translation>В заказы распределено на {0} больше суммы поступления</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="183"/>
        <source>To orders: {0} · Advance: {1}</source>
        <translation>В заказы: {0} · Аванс: {1}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="191"/>
        <source>No receipt is owed: a bank transfer from a company or sole trader.</source>
        <translation>Чек не нужен: банковский перевод от организации или ИП.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="195"/>
        <source>full prepayment</source>
        <translation>предоплата 100 %</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="195"/>
        <source>partial prepayment</source>
        <translation>частичная предоплата</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="196"/>
        <source>• prepayment receipt for order No. {0}: {1} ({2})</source>
        <translation>• чек предоплаты по заказу №{0}: {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="199"/>
        <source>• advance receipt: {0}</source>
        <translation>• чек аванса: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/payment_dialog.py" line="200"/>
        <source>Receipts that will be owed (paid {0}):</source>
        <translation>Нужно будет напечатать чеки (оплата: {0}):</translation>
    </message>
</context>
<context>
    <name>RefundAdvanceDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="86"/>
        <source>Refund of the advance</source>
        <translation>Возврат аванса</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="86"/>
        <source>Refund</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="88"/>
        <source>On the customer&apos;s advance: {0}</source>
        <translation>На авансе покупателя: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="93"/>
        <source>&amp;Amount, ₽:</source>
        <translation>&amp;Сумма, ₽:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="94"/>
        <source>Refund &amp;by:</source>
        <translation>&amp;Вернуть:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="95"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="102"/>
        <source>The amount must be greater than zero</source>
        <translation>Сумма должна быть больше нуля</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="104"/>
        <source>Only {0} is on the advance</source>
        <translation>На авансе только {0}</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="75"/>
        <source>Register: connecting…</source>
        <translation>ККТ: подключение…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="94"/>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="218"/>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="219"/>
        <source>Open shift</source>
        <translation>Открыть смену</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="95"/>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="223"/>
        <source>X report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="96"/>
        <source>Z report (close shift)</source>
        <translation>Z-отчёт (закрыть смену)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="97"/>
        <source>Cash in…</source>
        <translation>Внесение…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="98"/>
        <source>Cash out…</source>
        <translation>Выплата…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="99"/>
        <source>Check the register</source>
        <translation>Проверить ККТ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="100"/>
        <source>Read the register&apos;s state and settle receipts awaiting a check</source>
        <translation>Прочитать состояние ККТ и сверить чеки, ждущие сверки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="111"/>
        <source>Fiscal register</source>
        <translation>ККТ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="126"/>
        <source>Print again</source>
        <translation>Напечатать снова</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="127"/>
        <source>Print the selected receipt that the register refused</source>
        <translation>Напечатать выбранный чек, который ККТ не напечатала</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="133"/>
        <source>Journal: printed and failed documents</source>
        <translation>Журнал: напечатанные и ненапечатанные документы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="135"/>
        <source>Nothing printed on this database yet: printed and failed receipts appear here.</source>
        <translation>В этой базе ещё ничего не печаталось: здесь появятся напечатанные и ненапечатанные чеки.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="160"/>
        <source>Checking the register…</source>
        <translation>Проверка ККТ…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="163"/>
        <source>Reading the register…</source>
        <translation>Чтение состояния ККТ…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="176"/>
        <source>shift No. {0} expired (over 24 h)</source>
        <translation>смена №{0} просрочена (больше 24 ч)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="177"/>
        <source>shift No. {0} open</source>
        <translation>смена №{0} открыта</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="177"/>
        <source>shift closed (last No. {0})</source>
        <translation>смена закрыта (последняя №{0})</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="179"/>
        <source>paper: yes</source>
        <translation>бумага: есть</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="179"/>
        <source>paper: NO</source>
        <translation>бумага: НЕТ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="181"/>
        <source>last document: FD {0}</source>
        <translation>последний документ: ФД {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="182"/>
        <source>fiscal storage No. {0}</source>
        <translation>ФН №{0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="184"/>
        <source>receipts awaiting a check: {0}</source>
        <translation>чеков ждут сверки: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="190"/>
        <source>Register: {0} · {1} · FD {2}</source>
        <translation>ККТ: {0} · {1} · ФД {2}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="196"/>
        <source>The register does not answer.</source>
        <translation>ККТ не отвечает.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="198"/>
        <source>Register: not connected — {0}</source>
        <translation>ККТ: нет связи — {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="218"/>
        <source>The register will print the shift-opening report.</source>
        <translation>ККТ напечатает отчёт об открытии смены.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="219"/>
        <source>Cashier: {0}</source>
        <translation>Кассир: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="223"/>
        <source>The register will print an X report (the shift stays open).</source>
        <translation>ККТ напечатает X-отчёт (смена останется открытой).</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="224"/>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="239"/>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="250"/>
        <source>Print</source>
        <translation>Печатать</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="228"/>
        <source>Z report</source>
        <translation>Z-отчёт</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="228"/>
        <source>The register will close shift No. {0} and print the Z report.</source>
        <translation>ККТ закроет смену №{0} и напечатает Z-отчёт.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="229"/>
        <source>After the Z report no receipt prints until a new shift is opened.</source>
        <translation>После Z-отчёта чеки не печатаются, пока не открыта новая смена.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="230"/>
        <source>Close shift</source>
        <translation>Закрыть смену</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="237"/>
        <source>Cash in</source>
        <translation>Внесение</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="237"/>
        <source>Cash out</source>
        <translation>Выплата</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="238"/>
        <source>The register will print: {0} {1}</source>
        <translation>ККТ напечатает: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="247"/>
        <source>The register will print {0} receipt(s) for {1}:</source>
        <translation>ККТ напечатает чеков: {0} на {1}:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="249"/>
        <source>Print receipts</source>
        <translation>Печать чеков</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/register_panel.py" line="253"/>
        <source>Printing {0} receipt(s)…</source>
        <translation>Печать чеков: {0}…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="80"/>
        <source>INN, id, phone or exact name</source>
        <translation>ИНН, id, телефон или точное имя</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="83"/>
        <source>Show act</source>
        <translation>Показать акт</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="84"/>
        <source>Save act to Excel…</source>
        <translation>Сохранить акт в Excel…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="85"/>
        <source>Save payments register…</source>
        <translation>Сохранить реестр поступлений…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="86"/>
        <source>Save unmatched transfers…</source>
        <translation>Сохранить неразнесённые поступления…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="87"/>
        <source>Type a customer (INN, id, phone or name) and a period, then «Show act»: the act&apos;s shipments and payments appear here.</source>
        <translation>Укажите покупателя (ИНН, id, телефон или имя) и период и нажмите «Показать акт»: здесь появятся отгрузки и оплаты акта.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="94"/>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="100"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="131"/>
        <source>No shipments or payments of this customer in the period.</source>
        <translation>За этот период у покупателя нет ни отгрузок, ни оплат.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="140"/>
        <source>Save to Excel</source>
        <translation>Сохранить в Excel</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="141"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="151"/>
        <source>Reconciliation act {0} {1}-{2}.xlsx</source>
        <translation>Акт сверки {0} {1}-{2}.xlsx</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="152"/>
        <source>Payments register {0}-{1}.xlsx</source>
        <translation>Реестр поступлений {0}-{1}.xlsx</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="153"/>
        <source>Unmatched transfers {0}.xlsx</source>
        <translation>Неразнесённые поступления {0}.xlsx</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="170"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/reports/page.py" line="174"/>
        <source>Saved: {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="216"/>
        <source>Return of goods — order No. {0}</source>
        <translation>Возврат товара — заказ №{0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="217"/>
        <source>Returned quantities</source>
        <translation>Возвращённое количество</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="220"/>
        <source>Pay &amp;back by:</source>
        <translation>&amp;Вернуть деньги:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="228"/>
        <source>Return</source>
        <translation>Оформить возврат</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="232"/>
        <source>Returned</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="236"/>
        <source>Goods returned: {0}</source>
        <translation>Возвращено товара на {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/delivery_dialog.py" line="237"/>
        <source>Enter the quantity returned</source>
        <translation>Укажите возвращённое количество</translation>
    </message>
</context>
<context>
    <name>RouteMap</name>
    <message>
        <location filename="../../omnidesk/ui/routes/map_view.py" line="55"/>
        <source>delivery stop (number in the route)</source>
        <translation>доставка (номер в маршруте)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/map_view.py" line="56"/>
        <source>pickup at a supplier</source>
        <translation>забор у поставщика</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/map_view.py" line="57"/>
        <source>our warehouse</source>
        <translation>наш склад</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/map_view.py" line="58"/>
        <source>supplier&apos;s warehouse</source>
        <translation>склад поставщика</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/map_view.py" line="59"/>
        <source>? not on a route yet</source>
        <translation>? ещё не в маршруте</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/map_view.py" line="60"/>
        <source>red outline: window or load violated</source>
        <translation>красная обводка: нарушено окно или загрузка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/map_view.py" line="69"/>
        <source>{0} km</source>
        <translation>{0} км</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/map_view.py" line="69"/>
        <source>{0} m</source>
        <translation>{0} м</translation>
    </message>
</context>
<context>
    <name>RoutesModel</name>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="136"/>
        <source>Driver / stop</source>
        <translation>Водитель / остановка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="136"/>
        <source>Arrival</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="136"/>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="136"/>
        <source>Load</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="137"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="137"/>
        <source>Problems</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="200"/>
        <source> · locked: {0}</source>
        <translation> · закреплено: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="205"/>
        <source>shift {0}</source>
        <translation>смена {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="209"/>
        <source>{0} stops · {1} km · {2} h {3} min</source>
        <translation>остановок: {0} · {1} км · {2} ч {3} мин</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="231"/>
        <source>pickup</source>
        <translation>забор</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="232"/>
        <source>carrier</source>
        <translation>передача в ТК</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="232"/>
        <source>delivery</source>
        <translation>доставка</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="235"/>
        <source> (wait {0} min)</source>
        <translation> (ожидание {0} мин)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="240"/>
        <source>{0} kg · {1} m³</source>
        <translation>{0} кг · {1} м³</translation>
    </message>
</context>
<context>
    <name>RoutesPage</name>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="79"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="80"/>
        <source>Optimise all</source>
        <translation>Оптимизировать всё</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="81"/>
        <source>Optimise unlocked</source>
        <translation>Оптимизировать незакреплённое</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="82"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="83"/>
        <source>Lock up to selected stop</source>
        <translation>Закрепить до выбранной остановки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="84"/>
        <source>Publish</source>
        <translation>Опубликовать</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="85"/>
        <source>Route sheets (Excel)</source>
        <translation>Маршрутные листы (Excel)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="86"/>
        <source>Route sheets (PDF)</source>
        <translation>Маршрутные листы (PDF)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="87"/>
        <source>Find coordinates</source>
        <translation>Найти координаты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="88"/>
        <source>Look up the coordinates of the day&apos;s orders that have none (the geocoder is set in Settings)</source>
        <translation>Найти координаты заказов дня, у которых их нет (адрес геокодера задаётся в настройках)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="96"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="173"/>
        <source>Pin</source>
        <translation>Закрепить</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="174"/>
        <source>Only this driver may take the order; it moves onto the driver&apos;s route</source>
        <translation>Заказ повезёт только этот водитель; заказ сразу переходит в его маршрут</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="176"/>
        <source>transport company</source>
        <translation>транспортная компания</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="180"/>
        <source>track number</source>
        <translation>трек-номер</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="181"/>
        <source>Save carrier</source>
        <translation>Сохранить ТК</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="182"/>
        <source>The stop becomes a hand-over at the carrier&apos;s terminal (the order&apos;s address); an empty company undoes it</source>
        <translation>Остановка становится сдачей груза на терминал ТК (адрес заказа); пустое название компании отменяет передачу</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="186"/>
        <source>Driver:</source>
        <translation>Водитель:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="186"/>
        <source>Carrier:</source>
        <translation>ТК:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="210"/>
        <source>Loading routes…</source>
        <translation>Загрузка маршрутов…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="224"/>
        <source>No map background: no tile server is set. Set «Map tiles» on the Settings page (routing.tiles_url), e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png</source>
        <translation>Карта без подложки: сервер тайлов не задан. Укажите «Тайлы карты» на странице «Настройки» (routing.tiles_url), например https://tile.openstreetmap.org/{z}/{x}/{y}.png</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="253"/>
        <source>any driver</source>
        <translation>любой водитель</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="268"/>
        <source>Select an order</source>
        <translation>Выберите заказ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="274"/>
        <source>Order №{0}:</source>
        <translation>Заказ №{0}:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="304"/>
        <source>Not on a route: {0} (only assembled orders can leave)</source>
        <translation>Не в маршруте: {0} (выехать могут только собранные заказы)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="306"/>
        <source>Vans: {0} · {1} km · stops: {2} · not on a route: {3}</source>
        <translation>Машин: {0} · {1} км · остановок: {2} · не в маршруте: {3}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="311"/>
        <source>Validator: {0}</source>
        <translation>Проверка: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="314"/>
        <source>Validator: the plan is valid</source>
        <translation>Проверка: план верен</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="331"/>
        <source>Error: {0}</source>
        <translation>Ошибка: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="354"/>
        <source>Optimising…</source>
        <translation>Оптимизация…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="361"/>
        <source>complete</source>
        <translation>все заказы размещены</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="361"/>
        <source>not all orders placed yet</source>
        <translation>пока размещены не все заказы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="362"/>
        <source>searching: {0} s, best {1} km, {2}</source>
        <translation>поиск: {0} с, лучший план {1} км, {2}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="372"/>
        <source>no geocoder: set its address (routing.geocoder_url) in Settings</source>
        <translation>геокодер не задан: укажите его адрес (routing.geocoder_url) в настройках</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="382"/>
        <source>Finding coordinates…</source>
        <translation>Поиск координат…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="390"/>
        <source>Finding coordinates: {0} of {1}</source>
        <translation>Поиск координат: {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="395"/>
        <source>coordinates found: {0}, not found: {1}</source>
        <translation>координаты найдены: {0}, не найдены: {1}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="399"/>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="434"/>
        <source>published routes: {0}</source>
        <translation>опубликовано маршрутов: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="439"/>
        <location filename="../../omnidesk/ui/routes/page.py" line="448"/>
        <source>Route sheets</source>
        <translation>Маршрутные листы</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/page.py" line="469"/>
        <source>The map tile server cannot be reached ({0}). Check «Map tiles» on the Settings page (routing.tiles_url) and the network.</source>
        <translation>Сервер тайлов карты недоступен ({0}). Проверьте «Тайлы карты» на странице «Настройки» (routing.tiles_url) и сеть.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/search.py" line="24"/>
        <source>Find a customer or order: number, name, phone, INN (Ctrl+F) — Enter picks the first</source>
        <translation>Найти покупателя или заказ: номер, имя, телефон, ИНН (Ctrl+F) — Enter выбирает первый</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="41"/>
        <source>In use now: {0}</source>
        <translation>Сейчас используется: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="44"/>
        <source>Shtrih-M</source>
        <translation>Штрих-М</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="55"/>
        <source>demonstration data</source>
        <translation>демонстрационные данные</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="61"/>
        <source>e.g. Иванова Анна Сергеевна</source>
        <translation>например, Иванова Анна Сергеевна</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="64"/>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="66"/>
        <source>Database URL</source>
        <translation>Адрес базы данных</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="68"/>
        <source>Fiscal register</source>
        <translation>ККТ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="70"/>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="71"/>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="73"/>
        <source>This is the DEMO database: its receipts print only on the built-in emulator, whatever port is set here.</source>
        <translation>Это ДЕМО-база: её чеки печатаются только на встроенном эмуляторе, какой бы порт здесь ни был указан.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="78"/>
        <source>Warehouse</source>
        <translation>Склад</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="80"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="84"/>
        <source>Latitude, longitude</source>
        <translation>Широта, долгота</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="86"/>
        <source>Our company (for reconciliation acts)</source>
        <translation>Наша организация (для актов сверки)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="88"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="90"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="92"/>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="94"/>
        <source>Requisites</source>
        <translation>Реквизиты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="95"/>
        <source>Who works here</source>
        <translation>Кто работает</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="97"/>
        <source>Cashier&apos;s full name</source>
        <translation>ФИО кассира</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="98"/>
        <source>Largest payment, ₽</source>
        <translation>Наибольшее поступление, ₽</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="99"/>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="101"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="102"/>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="104"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="146"/>
        <source>Synchronisation (1C, CRM)</source>
        <translation>Синхронизация (1С, CRM)</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="150"/>
        <source>General (OSN)</source>
        <translation>ОСН — общая</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="150"/>
        <source>Simplified, income</source>
        <translation>УСН «доходы»</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="151"/>
        <source>Simplified, income minus expenses</source>
        <translation>УСН «доходы минус расходы»</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="152"/>
        <source>Patent (PSN)</source>
        <translation>ПСН — патент</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="153"/>
        <source>nowhere</source>
        <translation>никуда</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="153"/>
        <source>1C</source>
        <translation>1С</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="153"/>
        <source>RetailCRM</source>
        <translation>RetailCRM</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="191"/>
        <source>empty: straight line × detour factor</source>
        <translation>пусто — по прямой с коэффициентом</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="195"/>
        <source>Nominatim-compatible; empty: do not look up addresses</source>
        <translation>совместимый с Nominatim; пусто — адреса не искать</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="198"/>
        <source>Routes</source>
        <translation>Маршруты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="200"/>
        <source>OSRM server</source>
        <translation>Сервер OSRM</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="202"/>
        <source>average speed, km/h</source>
        <translation>Средняя скорость, км/ч</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="201"/>
        <source>Detour factor</source>
        <translation>Коэффициент извилистости</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="203"/>
        <source>Geocoder</source>
        <translation>Геокодер</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="204"/>
        <source>Map tiles</source>
        <translation>Тайлы карты</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="241"/>
        <source>Saved. The register and the warehouse are used at once; the database and the language change only after OmniDesk is restarted.</source>
        <translation>Сохранено. Касса и склад применяются сразу; база данных и язык сменятся только после перезапуска OmniDesk.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/settings_page.py" line="244"/>
        <source>Saved and in use now.</source>
        <translation>Сохранено и уже действует.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../omnidesk/ui/sign_in.py" line="35"/>
        <source>OmniDesk — sign in</source>
        <translation>OmniDesk — вход</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sign_in.py" line="48"/>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sign_in.py" line="49"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sign_in.py" line="51"/>
        <source>Repeat password</source>
        <translation>Повторите пароль</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sign_in.py" line="52"/>
        <source>The database has no users yet. Choose the administrator&apos;s password (login admin); the administrator then adds the others.</source>
        <translation>В базе ещё нет пользователей. Задайте пароль администратора (логин admin); остальных пользователей добавит администратор.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sign_in.py" line="57"/>
        <source>Database: {0}</source>
        <translation>База данных: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sign_in.py" line="61"/>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sign_in.py" line="74"/>
        <source>Enter the login and the password.</source>
        <translation>Введите логин и пароль.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sign_in.py" line="77"/>
        <source>The passwords do not match.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sign_in.py" line="79"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
</context>
<context>
    <name>SplitEditor</name>
    <message>
        <location filename="../../omnidesk/ui/bank/split.py" line="35"/>
        <source>Customer: part of the name, INN, phone or id</source>
        <translation>Клиент: часть имени, ИНН, телефон или id</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/split.py" line="45"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/split.py" line="45"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/split.py" line="47"/>
        <source>Add order</source>
        <translation>Добавить заказ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/split.py" line="48"/>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/split.py" line="50"/>
        <source>Book</source>
        <translation>Разнести</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/split.py" line="52"/>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/split.py" line="112"/>
        <source>row {0}: no order number</source>
        <translation>строка {0}: не указан номер заказа</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/split.py" line="119"/>
        <source>To the advance: {0}</source>
        <translation>В аванс: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/split.py" line="120"/>
        <source>Split exceeds the payment by {0}</source>
        <translation>Распределено больше платежа на {0}</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="17"/>
        <source>waiting</source>
        <translation>ждёт</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="18"/>
        <source>parked</source>
        <translation>отложено</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="19"/>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/models.py" line="20"/>
        <source>not needed</source>
        <translation>не требуется</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="56"/>
        <source>Sync now</source>
        <translation>Синхронизировать сейчас</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="57"/>
        <source>Retry parked</source>
        <translation>Повторить отложенные</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="58"/>
        <source>Conflict resolved</source>
        <translation>Конфликт решён</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="66"/>
        <source>Load from 1C</source>
        <translation>Загрузить из 1С</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="67"/>
        <source>Save choice</source>
        <translation>Сохранить выбор</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="90"/>
        <source>Connections</source>
        <translation>Связь</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="92"/>
        <source>RetailCRM:</source>
        <translation>RetailCRM:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="93"/>
        <source>1C:</source>
        <translation>1С:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="94"/>
        <source>Payments go to:</source>
        <translation>Оплаты уходят в:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="95"/>
        <source>1C catalogs for payments</source>
        <translation>Справочники 1С для оплат</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="97"/>
        <source>Organization:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="97"/>
        <source>Bank account:</source>
        <translation>Банковский счёт:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="98"/>
        <source>Cash desk:</source>
        <translation>Касса:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="98"/>
        <source>Cash flow item:</source>
        <translation>Статья ДДС:</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="116"/>
        <location filename="../../omnidesk/ui/sync/page.py" line="165"/>
        <source>Outbox</source>
        <translation>Исходящие</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="122"/>
        <source>Conflicts to resolve</source>
        <translation>Конфликты, которые нужно решить</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="166"/>
        <source>Outbox: empty — everything has been sent</source>
        <translation>Исходящие: пусто — всё отправлено</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="167"/>
        <source>Outbox: empty — neither RetailCRM nor 1C is set up, nothing is sent</source>
        <translation>Исходящие: пусто — ни RetailCRM, ни 1С не настроены, отправлять некуда</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="169"/>
        <source>Conflicts to resolve: {0}</source>
        <translation>Конфликты к разбору: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="170"/>
        <source>Conflicts to resolve: none — the CRM&apos;s and OmniDesk&apos;s changes agree</source>
        <translation>Конфликты к разбору: нет — правки в CRM и в OmniDesk не расходятся</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="171"/>
        <source>1C</source>
        <translation>1С</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="171"/>
        <source>RetailCRM</source>
        <translation>RetailCRM</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="171"/>
        <source>nowhere</source>
        <translation>никуда</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="184"/>
        <source>not configured</source>
        <translation>не настроена</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="186"/>
        <source>not available: {0}</source>
        <translation>недоступна: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="188"/>
        <source>connected; last successful exchange {0}</source>
        <translation>связь есть; последний успешный обмен {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="189"/>
        <source>configured, no exchange yet</source>
        <translation>настроена, обмена ещё не было</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="193"/>
        <source>Sync: not configured</source>
        <translation>Синхронизация: не настроена</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="200"/>
        <source>running</source>
        <translation>идёт</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="202"/>
        <source>{0} not available</source>
        <translation>{0} недоступна</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="204"/>
        <source>OK at {0}</source>
        <translation>в порядке на {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="205"/>
        <source>waiting {0}</source>
        <translation>ждут {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="207"/>
        <source>parked {0}</source>
        <translation>отложено {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="209"/>
        <source>conflicts {0}</source>
        <translation>конфликтов {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="211"/>
        <source>Sync: {0}</source>
        <translation>Синхронизация: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="217"/>
        <source>Set the CRM and/or 1C address in the settings first.</source>
        <translation>Сначала укажите адрес CRM и/или 1С в настройках.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="221"/>
        <source>Synchronising…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="229"/>
        <source>Orders new {0}, changed {1}; sent {2}; conflicts new {3}</source>
        <translation>Заказов новых {0}, изменённых {1}; отправлено {2}; новых конфликтов {3}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="244"/>
        <source>Back in the queue: {0}</source>
        <translation>Снова в очереди: {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="249"/>
        <source>Select a conflict first.</source>
        <translation>Сначала выберите конфликт.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="254"/>
        <source>Conflict closed.</source>
        <translation>Конфликт закрыт.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="265"/>
        <source>Reading 1C catalogs…</source>
        <translation>Читаем справочники 1С…</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="277"/>
        <source>Choose and save; with exactly one entry in 1C it is used by itself.</source>
        <translation>Выберите и сохраните; если в 1С запись одна, она берётся сама.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="283"/>
        <source>Load the catalogs from 1C first.</source>
        <translation>Сначала загрузите справочники из 1С.</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/sync/page.py" line="290"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>UnassignedModel</name>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="59"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="59"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="59"/>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="59"/>
        <source>kg</source>
        <translation>кг</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="59"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/routes/models.py" line="60"/>
        <source>Why not on a route</source>
        <translation>Почему не в маршруте</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/money_dialogs.py" line="39"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>bank</name>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="24"/>
        <source>allocated</source>
        <translation>разнесён</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="25"/>
        <source>advance</source>
        <translation>в аванс</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="26"/>
        <source>to review</source>
        <translation>на разбор</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="27"/>
        <source>booked by hand</source>
        <translation>разнесён вручную</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="28"/>
        <source>not ours</source>
        <translation>не наш</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="29"/>
        <source>duplicate</source>
        <translation>повтор</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/bank/model.py" line="30"/>
        <source>outgoing, skipped</source>
        <translation>исходящий, пропущен</translation>
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
        <location filename="../../omnidesk/ui/errors.py" line="33"/>
        <source>OmniDesk</source>
        <translation>OmniDesk</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/errors.py" line="39"/>
        <source>Something went wrong, but your data is safe: every operation is saved whole or not at all.
A report for the support team is in {0}</source>
        <translation>Что-то пошло не так, но данные в сохранности: каждая операция сохраняется целиком или не сохраняется вовсе.
Отчёт для поддержки сохранён в {0}</translation>
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
<context>
    <name>receipts</name>
    <message>
        <location filename="../../omnidesk/ui/cashier/texts.py" line="12"/>
        <source>to print</source>
        <translation>не напечатан</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/texts.py" line="13"/>
        <source>printing, awaiting check</source>
        <translation>печатается, ждёт сверки</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/texts.py" line="14"/>
        <source>printed</source>
        <translation>напечатан</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/texts.py" line="15"/>
        <source>not printed — print again</source>
        <translation>не напечатан — печатать снова</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/texts.py" line="34"/>
        <source>cash {0}</source>
        <translation>наличными {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/texts.py" line="35"/>
        <source>non-cash {0}</source>
        <translation>безналичными {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/texts.py" line="36"/>
        <source>prepayment offset {0}</source>
        <translation>зачёт предоплаты {0}</translation>
    </message>
    <message>
        <location filename="../../omnidesk/ui/cashier/texts.py" line="37"/>
        <source>credit {0}</source>
        <translation>в кредит {0}</translation>
    </message>
</context>
</TS>
