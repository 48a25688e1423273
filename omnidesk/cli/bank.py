"""``omnidesk bank import FILE`` and ``omnidesk bank review``: bank statements and the review queue."""

from __future__ import annotations

from pathlib import Path

from omnidesk.core.errors import InvalidInput, file_error_text
from omnidesk.core.money import format_amount, to_decimal_str
from omnidesk.services.banking import LineView, import_statement, review_queue

from . import common


def register(commands) -> None:
    bank = commands.add_parser("bank", help="банковские выписки")
    sub = bank.add_subparsers(dest="bank_command", metavar="ДЕЙСТВИЕ", required=True)
    imp = common.command(sub, "import", "загрузить выписку 1CClientBankExchange и разнести платежи", run_import)
    imp.add_argument("file", metavar="FILE", help="файл выписки (kl_to_1c.txt)")
    common.add_json_option(imp)
    review = common.command(sub, "review", "платежи, ждущие разбора, с подсказками", run_review)
    common.add_json_option(review)


def run_import(args) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(file_error_text(exc, "прочитать")) from None
    try:
        result = import_statement(common.open_db(args), common.actor(args), data, path.name)
    except InvalidInput as exc:
        raise InvalidInput(f"{path.name}: {exc}; ничего не загружено") from None
    if args.json:
        common.print_json({
            "file": result.file_name, "statement_id": result.statement_id, "documents": result.documents,
            "imported": result.imported, "duplicates": result.duplicates, "outgoing_skipped": result.outgoing_skipped,
            "warnings": list(result.warnings), "lines": [line_json(line) for line in result.lines],
        })
        return 0
    print(f"{result.file_name}: {result.summary}")
    for line in result.lines:
        print(line_text(line))
    return 0


def run_review(args) -> int:
    queue = review_queue(common.open_db(args))
    if args.json:
        common.print_json([line_json(line) for line in queue])
        return 0
    for line in queue:
        print(line_text(line))
        for i, s in enumerate(line.suggestions, start=1):
            parts = [f"№{a.order_number} {format_amount(a.amount)}" for a in s.allocations]
            if s.advance:
                parts.append(f"аванс {format_amount(s.advance)}")
            print(f"      {i}. {s.customer_name or 'покупатель?'} (id {s.customer_id}): {'; '.join(parts)} — {s.explanation}")
    print(f"Ждут разбора: {len(queue)}")
    return 0


STATUS = {"allocated": "разнесён", "advance": "в аванс", "review": "на разбор", "booked": "разнесён вручную",
          "not_ours": "не наш", "duplicate": "повтор", "outgoing_skipped": "исходящий"}


def line_text(line: LineView) -> str:
    head = f"  {line.date:%d.%m.%Y} №{line.number:<6} {format_amount(line.amount):>14}  {STATUS[line.status.value]:<10} {line.payer_name}"
    what = [f"№{n} {format_amount(a)}" for n, a in line.allocated]
    if line.payment_id and line.advance:
        what.append(f"аванс {format_amount(line.advance)}")
    body = f"\n      {line.customer_name}: {'; '.join(what)}" if line.customer_name and what else ""
    if line.receipts_owed:
        body += f"\n      чеков к печати: {line.receipts_owed}"
    return f"{head}{body}\n      {line.explanation}" if line.explanation else head + body


def line_json(line: LineView) -> dict:
    return {
        "id": line.id, "key": line.document_key, "date": line.date.isoformat(), "number": line.number,
        "amount": to_decimal_str(line.amount), "payer": line.payer_name, "payer_inn": line.payer_inn,
        "payer_account": line.payer_account, "purpose": line.purpose, "status": line.status.value,
        "explanation": line.explanation, "customer_id": line.customer_id, "customer": line.customer_name,
        "payment_id": line.payment_id, "advance": to_decimal_str(line.advance), "receipts_owed": line.receipts_owed,
        "allocated": [{"order": n, "amount": to_decimal_str(a)} for n, a in line.allocated],
        "suggestions": [
            {"customer_id": s.customer_id, "customer": s.customer_name, "advance": to_decimal_str(s.advance),
             "reasons": list(s.reasons), "score": s.score,
             "allocations": [{"order": a.order_number, "amount": to_decimal_str(a.amount), "closes": a.closes_order}
                             for a in s.allocations]}
            for s in line.suggestions
        ],
    }
