"""iCalendar (RFC 5545) for the public events feed: all-day events, escaped and folded as the standard asks."""

import datetime

CRLF = "\r\n"


def escape(text):
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        str(text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line, limit=75):
    """Split a content line into lines of at most 75 octets, continuation lines starting with a space, never
    inside a UTF-8 character (§3.1)."""
    pieces, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return CRLF.join(pieces)


def utc_stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(name, events, *, host, url_for, now):
    """The feed as text. `events` are Event rows; `url_for(event)` gives the public page of each."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Shanyrak//Events of the Assembly of the People of Kazakhstan//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        "X-WR-TIMEZONE:Asia/Almaty",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
    ]
    for event in events:
        last_day = event.end_date or event.start_date
        place = ", ".join(
            part for part in (event.venue, event.district.name if event.district else "", event.region.name) if part
        )
        description = "\n".join(
            part
            for part in (
                event.get_kind_display(),
                event.organizer.name if event.organizer else "",
                event.programme.name if event.programme else "",
                event.description,
            )
            if part
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host}",
            f"DTSTAMP:{utc_stamp(now)}",
            f"LAST-MODIFIED:{utc_stamp(event.updated_at)}",
            f"DTSTART;VALUE=DATE:{event.start_date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{last_day + datetime.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(event.title)}",
            f"LOCATION:{escape(place)}",
            f"DESCRIPTION:{escape(description)}",
            f"CATEGORIES:{escape(event.get_kind_display())}",
            f"STATUS:{'CANCELLED' if event.status == 'cancelled' else 'CONFIRMED'}",
            "TRANSP:TRANSPARENT",
            f"URL:{url_for(event)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return CRLF.join(fold(line) for line in lines) + CRLF
