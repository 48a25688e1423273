"""Hand-made 1CClientBankExchange statements and a small shop for the bank tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from omnidesk.core.enums import CustomerKind, OrderSource, OrderStatus, PaymentSubject
from omnidesk.core.vat import VatRate
from omnidesk.persistence.models import Customer, Order, OrderLine

OUR = "40702810900000012345"


@dataclass(frozen=True)
class Doc:
    number: str
    amount: int  # kopecks
    payer: str
    purpose: str
    payer_account: str = "40817810500001234567"
    payer_inn: str = ""
    payer_kpp: str = ""
    date: dt.date = dt.date(2025, 3, 10)
    payee_account: str = OUR

    def text(self) -> str:
        rub, kop = divmod(self.amount, 100)
        lines = [
            "СекцияДокумент=Платежное поручение", f"Номер={self.number}", f"Дата={self.date:%d.%m.%Y}",
            f"Сумма={rub}.{kop:02d}", f"ПлательщикСчет={self.payer_account}", f"Плательщик={self.payer}",
            f"ПлательщикИНН={self.payer_inn}", f"ПлательщикКПП={self.payer_kpp}", f"ПолучательСчет={self.payee_account}",
            f"ДатаПоступило={self.date:%d.%m.%Y}", 'Получатель=ООО "ОМНИСАН"', "ПолучательИНН=7712345678",
            f"НазначениеПлатежа={self.purpose}", "КонецДокумента",
        ]
        return "\n".join(lines)


def statement(*docs: Doc, encoding: str = "cp1251", day: dt.date = dt.date(2025, 3, 10)) -> bytes:
    incoming = sum(d.amount for d in docs if d.payee_account == OUR)
    outgoing = sum(d.amount for d in docs if d.payer_account == OUR)
    opening = 10_000_000

    def money(k: int) -> str:
        return f"{k // 100}.{k % 100:02d}"

    head = [
        "1CClientBankExchange", "ВерсияФормата=1.03", "Кодировка=Windows", "Отправитель=ДемоБанк",
        f"ДатаНачала={day:%d.%m.%Y}", f"ДатаКонца={day:%d.%m.%Y}", f"РасчСчет={OUR}",
        "СекцияРасчСчет", f"ДатаНачала={day:%d.%m.%Y}", f"ДатаКонца={day:%d.%m.%Y}", f"РасчСчет={OUR}",
        f"НачальныйОстаток={money(opening)}", f"ВсегоПоступило={money(incoming)}", f"ВсегоСписано={money(outgoing)}",
        f"КонечныйОстаток={money(opening + incoming - outgoing)}", "КонецРасчСчет",
    ]
    text = "\r\n".join(head + [d.text().replace("\n", "\r\n") for d in docs] + ["КонецФайла", ""])
    return text.encode(encoding)


class Shop:
    """Customers and orders the way the office has them."""

    def __init__(self, db) -> None:
        self.db = db

    def customer(self, name: str, kind: CustomerKind = CustomerKind.INDIVIDUAL, **fields) -> int:
        with self.db.unit_of_work() as s:
            c = Customer(kind=kind, name=name, **fields)
            s.add(c)
            s.flush()
            return c.id

    def order(self, customer_id: int, number: str, amount: int, created: dt.date,
              status: OrderStatus = OrderStatus.CONFIRMED) -> str:
        with self.db.unit_of_work() as s:
            order = Order(number=number, customer_id=customer_id, status=status, total=amount,
                          created_at=dt.datetime.combine(created, dt.time(10)), delivery_date=created + dt.timedelta(days=7),
                          window_start=600, window_end=720, address="Москва", source=OrderSource.OWN_WAREHOUSE)
            order.lines = [OrderLine(line_no=1, name="Смеситель", quantity_milli=1000, price=amount, amount=amount,
                                     vat_rate=VatRate.VAT22, payment_subject=PaymentSubject.GOODS)]
            s.add(order)
        return number


def standard_shop(db) -> dict[str, int]:
    """Петрова (individual) with three orders, СантехМонтаж (company) with two, and a stranger's nothing."""
    shop = Shop(db)
    petrova = shop.customer("Петрова Анна Сергеевна", phone="+79161234567", email="petrova@example.ru")
    santeh = shop.customer('ООО "СантехМонтаж"', CustomerKind.COMPANY, inn="5012345678", kpp="501201001")
    shop.order(petrova, "10231", 1_245_000, dt.date(2025, 3, 1))
    shop.order(petrova, "10232", 318_050, dt.date(2025, 3, 2))
    shop.order(petrova, "10235", 2_790_000, dt.date(2025, 3, 5))
    shop.order(santeh, "10240", 1_560_000, dt.date(2025, 3, 7))
    shop.order(santeh, "10241", 500_000, dt.date(2025, 3, 8))
    return {"petrova": petrova, "santeh": santeh}


PETROVA_THREE = Doc("417", 4_353_050, "Петрова Анна Сергеевна", "Оплата по счетам 10231, 10232 и 10235. НДС не облагается")
SANTEH_OVER = Doc("88", 1_600_000, 'ИНН 5012345678 ООО "СантехМонтаж"',
                  "Оплата по счету № 10240 от 07.03.2025 за сантехническое оборудование. Сумма 16000-00, в т.ч. НДС (20%) 2666-67",
                  payer_account="40702810300000098765", payer_inn="5012345678", payer_kpp="501201001")
STRANGER = Doc("12", 250_000, "Сидоров Пётр Ильич", "Оплата за смеситель", payer_account="40817810700009876543")
OUTGOING = Doc("5", 500_000, 'ООО "ОМНИСАН"', "Оплата поставщику по счету 77", payer_account=OUR,
               payee_account="40702810100000011111")
