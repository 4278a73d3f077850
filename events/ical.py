"""iCalendar (RFC 5545) for the public events feed, written with the maintained `icalendar` library: all-day
events, text escaped and lines folded at 75 octets as the standard asks."""

import datetime
import logging

from icalendar import Calendar
from icalendar import Event as CalendarEvent

logger = logging.getLogger(__name__)

PRODID = "-//Shanyrak//Events of the Assembly of the People of Kazakhstan//EN"
REFRESH = datetime.timedelta(hours=6)


def calendar(name, events, *, host, url_for, now):
    """The feed as text. `events` are Event rows; `url_for(event)` gives the public page of each."""
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", "Asia/Almaty")
    feed.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", REFRESH)
    for event in events:
        try:
            feed.add_component(vevent(event, host=host, url_for=url_for, now=now))
        except (ValueError, OverflowError):
            # One damaged record (a date the calendar cannot write) is left out; the feed still answers.
            logger.warning("Event %s left out of the iCalendar feed", event.pk, exc_info=True)
    return feed.to_ical().decode("utf-8")


def vevent(event, *, host, url_for, now):
    """One event as a VEVENT: all-day dates, the end exclusive as RFC 5545 wants."""
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
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@{host}")
    entry.add("dtstamp", now.astimezone(datetime.UTC))
    entry.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    entry.add("dtstart", event.start_date)
    entry.add("dtend", last_day + datetime.timedelta(days=1))
    entry.add("summary", event.display_title)
    entry.add("location", place)
    entry.add("description", description)
    entry.add("categories", [event.get_kind_display()])
    entry.add("status", "CANCELLED" if event.status == "cancelled" else "CONFIRMED")
    entry.add("transp", "TRANSPARENT")
    entry.add("url", url_for(event))
    return entry
