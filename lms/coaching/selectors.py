"""Reads of the coaching app: who coaches whom, the coaching dashboard, a
colleague's timeline from the LRS, and the response figures per floor.

Visibility: an ICT expert sees only the colleagues on the floors they coach (or
stand in for today) — :func:`coached_learners` and ``HelpRequest.objects.visible_to``.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import mean, median

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme

from lms.accounts.roles import COACH_FLOOR
from lms.coaching.models import (
    CoachAbsence,
    CoachProfile,
    HelpRequest,
    coached_floor_ids,
)
from lms.lrs import vocabulary
from lms.lrs.identity import agent_key
from lms.organisation.models import EmployeeProfile, Floor

User = get_user_model()

# Dashboard signals.
STALLED_DAYS = 14
FAILED_WINDOW_DAYS = 30
REPEATED_FAILURES = 2


def is_coach(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.has_perm(COACH_FLOOR)
    )


def profile_of(user) -> EmployeeProfile | None:
    return (
        EmployeeProfile.objects.select_related("floor__building")
        .filter(user=user)
        .first()
    )


def safe_page_url(url: str) -> str:
    """Only a path on this site is kept (the coach will click it)."""
    url = (url or "").strip()
    if (
        not url.startswith("/")
        or url.startswith("//")
        or not url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    ):
        return ""
    return url[:500]


# --- Who is my coach -----------------------------------------------------------


@dataclass
class CoachCard:
    user: object
    profile: CoachProfile | None
    absence: CoachAbsence | None = None
    is_stand_in: bool = False
    stands_in_for: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.email

    def __str__(self) -> str:
        return self.name

    @property
    def is_away(self) -> bool:
        return self.absence is not None


def floor_coach_cards(
    *, floor: Floor | None, today: date | None = None
) -> list[CoachCard]:
    """The ICT experts of ``floor`` with where and when to find them; an absent
    one with their stand-in, who is listed too. Three queries."""
    if floor is None:
        return []
    today = today or timezone.localdate()
    coaches = list(
        User.objects.filter(profile__coached_floors=floor, is_active=True)
        .select_related("coach_profile")
        .order_by("first_name", "last_name")
    )
    absences = {
        a.coach_id: a
        for a in CoachAbsence.objects.current(today)
        .filter(coach__in=coaches)
        .select_related("stand_in__coach_profile")
        .order_by("ends_on")
    }
    cards = []
    stand_ins: dict[int, CoachCard] = {}
    for coach in coaches:
        absence = absences.get(coach.pk)
        cards.append(
            CoachCard(
                user=coach,
                profile=getattr(coach, "coach_profile", None),
                absence=absence,
            )
        )
        if absence and absence.stand_in and absence.stand_in.is_active:
            stand_in = absence.stand_in
            if stand_in.pk in {c.pk for c in coaches}:
                continue
            card = stand_ins.setdefault(
                stand_in.pk,
                CoachCard(
                    user=stand_in,
                    profile=getattr(stand_in, "coach_profile", None),
                    is_stand_in=True,
                ),
            )
            card.stands_in_for.append(coach)
    return cards + list(stand_ins.values())


# The coach cards are shown on every lesson and sandbox page: looked up at sign-in,
# cached per person and day for half an hour, and dropped at once when a coach,
# floor assignment, availability or absence changes (lms.coaching.receivers).
CARDS_TTL = 30 * 60
_CARDS_VERSION = "coaching:cards-version"


def coach_cards_invalidate() -> None:
    try:
        cache.incr(_CARDS_VERSION)
    except ValueError:
        cache.set(_CARDS_VERSION, 2, None)


def my_coach_cards(*, user) -> list[CoachCard]:
    """The coach cards for ``user``'s floor (no queries when cached)."""
    if not getattr(user, "is_authenticated", False):
        return []
    version = cache.get_or_set(_CARDS_VERSION, 1, None)
    key = f"coaching:my-coaches:{user.pk}:{timezone.localdate()}:{version}"
    cards = cache.get(key)
    if cards is None:
        profile = profile_of(user)
        cards = floor_coach_cards(floor=profile.floor if profile else None)
        cache.set(key, cards, CARDS_TTL)
    return cards


def floor_helpers(*, floor: Floor | None, today: date | None = None) -> list:
    """Who is told of a new help request: the floor's ICT experts who are not
    away, and the stand-ins of those who are. Everyone, if nobody else is there."""
    cards = floor_coach_cards(floor=floor, today=today)
    present = [c.user for c in cards if not c.is_away]
    return present or [c.user for c in cards]


# --- Privacy --------------------------------------------------------------------


def coached_learners(*, coach):
    """The employee profiles an ICT expert coaches now (never themselves)."""
    floors = coached_floor_ids(coach)
    if not floors:
        return EmployeeProfile.objects.none()
    return EmployeeProfile.objects.filter(
        floor__in=floors, user__is_active=True
    ).exclude(user=coach)


def coach_may_see(*, coach, learner) -> bool:
    return coached_learners(coach=coach).filter(user=learner).exists()


# --- The LRS: recent actions and timeline ---------------------------------------


def _text(language_map: dict | None) -> str:
    if not language_map:
        return ""
    language = translation.get_language() or "nl"
    for tag, value in language_map.items():
        if tag.lower().startswith(language[:2]):
            return value
    return next(iter(language_map.values()))


@dataclass
class TimelineEntry:
    timestamp: datetime
    verb: str
    verb_id: str
    object_name: str
    object_id: str
    success: bool | None
    score: float | None
    registration: str | None

    @property
    def is_failure(self) -> bool:
        return self.verb_id == vocabulary.FAILED.id or self.success is False


def _entries(payloads: list[dict]) -> list[TimelineEntry]:
    from lms.lrs.selectors import activity_definitions

    object_ids = {
        (p.get("object") or {}).get("id")
        for p in payloads
        if (p.get("object") or {}).get("objectType", "Activity") == "Activity"
    }
    definitions = activity_definitions({i for i in object_ids if i})
    entries = []
    for payload in payloads:
        obj = payload.get("object") or {}
        object_id = obj.get("id", "")
        name = _text((obj.get("definition") or {}).get("name")) or _text(
            (definitions.get(object_id) or {}).get("name")
        )
        result = payload.get("result") or {}
        score = (result.get("score") or {}).get("scaled")
        timestamp = payload.get("timestamp") or payload.get("stored")
        entries.append(
            TimelineEntry(
                timestamp=datetime.fromisoformat(timestamp.replace("Z", "+00:00")),
                verb=_text((payload.get("verb") or {}).get("display"))
                or payload.get("verb", {}).get("id", ""),
                verb_id=(payload.get("verb") or {}).get("id", ""),
                object_name=name or object_id.rsplit("/", 2)[-2:][0],
                object_id=object_id,
                success=result.get("success"),
                score=score,
                registration=(payload.get("context") or {}).get("registration"),
            )
        )
    return entries


def learner_statements(*, user, limit: int = 50, before: int | None = None):
    """The learner's newest statements (as actor), through the LRS's own query."""
    from lms.lrs.selectors import StatementFilter, statements_filter

    page, more = statements_filter(
        statement_filter=StatementFilter(agent=vocabulary.actor_for(user)),
        credential=None,
        limit=limit,
        after=before,
    )
    return page, more


def recent_actions(*, user, limit: int = 5) -> list[dict]:
    """A small, JSON-safe summary of the learner's last statements, kept with a
    help request (both languages, so it reads well whatever the coach's choice)."""
    page, _more = learner_statements(user=user, limit=limit)
    summary = []
    for stored in page:
        payload = stored.payload
        display = (payload.get("verb") or {}).get("display") or {}
        obj = payload.get("object") or {}
        result = payload.get("result") or {}
        summary.append(
            {
                "timestamp": payload.get("timestamp"),
                "verb": display,
                "verb_id": (payload.get("verb") or {}).get("id", ""),
                "object_id": obj.get("id", ""),
                "object_name": (obj.get("definition") or {}).get("name") or {},
                "success": result.get("success"),
                "score": (result.get("score") or {}).get("scaled"),
            }
        )
    # Names of activities recorded without a definition in the statement.
    missing = {a["object_id"] for a in summary if not a["object_name"]}
    if missing:
        from lms.lrs.selectors import activity_definitions

        definitions = activity_definitions(missing)
        for action in summary:
            if not action["object_name"]:
                action["object_name"] = (
                    definitions.get(action["object_id"]) or {}
                ).get("name") or {}
    return summary


def recent_actions_display(actions: list[dict]) -> list[dict]:
    """The stored summary in the reader's language."""
    shown = []
    for action in actions or []:
        timestamp = action.get("timestamp")
        shown.append(
            {
                "timestamp": datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
                if timestamp
                else None,
                "verb": _text(action.get("verb")) or action.get("verb_id", ""),
                "object": _text(action.get("object_name"))
                or action.get("object_id", ""),
                "success": action.get("success"),
                "score": action.get("score"),
            }
        )
    return shown


def learner_timeline(*, user, limit: int = 50, before: int | None = None):
    """A colleague's learning activity from their xAPI statements, newest first;
    returns (entries, seq to continue before, or None)."""
    page, more = learner_statements(user=user, limit=limit, before=before)
    entries = _entries([s.payload for s in page])
    return entries, (page[-1].seq if more and page else None)


# --- The sandbox replay (when the sandbox offers it) -----------------------------


def sandbox_attempts_for(*, viewer, learner, limit: int = 20) -> list:
    """The learner's practice attempts the viewer may open, newest first, each
    with the address of the sandbox's read-only replay."""
    try:
        from sandbox.scenarios.selectors import attempt_replay_url, attempts_visible
    except ImportError:  # the sandbox without scenarios
        return []
    return [
        (attempt, attempt_replay_url(attempt))
        for attempt in attempts_visible(viewer=viewer, learner=learner)[:limit]
    ]


def sandbox_replay_url(attempt_uuid) -> str:
    """The replay of an attempt by its uuid (from a help request's context)."""
    try:
        return reverse("sandbox:attempt_replay", kwargs={"attempt": str(attempt_uuid)})
    except NoReverseMatch:
        return ""


def context_links(context_ref: dict) -> dict[str, str]:
    """Addresses for the stable ids a help request carries (lesson, scenario)."""
    links = {}
    lesson = context_ref.get("lesson")
    if isinstance(lesson, int) or str(lesson or "").isdigit():
        from wagtail.models import Page

        page = Page.objects.live().filter(pk=int(lesson)).first()
        if page is not None and page.url:
            links["lesson"] = page.url
    scenario = context_ref.get("scenario")
    if scenario:
        try:
            links["scenario"] = reverse("sandbox:scenario", kwargs={"slug": scenario})
        except NoReverseMatch:
            pass
    return links


# --- The coaching dashboard ------------------------------------------------------


@dataclass
class ItemProgress:
    """A learning path or module assigned to the learner."""

    title: str
    is_path: bool
    modules_total: int
    modules_completed: int
    due_date: date | None
    mandatory: bool
    started: bool

    @property
    def is_completed(self) -> bool:
        return self.modules_total > 0 and self.modules_completed >= self.modules_total

    def is_overdue(self, today: date) -> bool:
        return bool(self.due_date and self.due_date < today and not self.is_completed)

    @property
    def percent(self) -> int:
        if not self.modules_total:
            return 0
        return round(100 * self.modules_completed / self.modules_total)


@dataclass
class LearnerRow:
    profile: EmployeeProfile
    items: list[ItemProgress]
    today: date
    failed_recently: int = 0
    last_activity: datetime | None = None
    open_requests: int = 0

    @property
    def user(self):
        return self.profile.user

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.email

    @property
    def overdue_mandatory(self) -> list[ItemProgress]:
        return [i for i in self.items if i.mandatory and i.is_overdue(self.today)]

    @property
    def progress_percent(self) -> int:
        total = sum(i.modules_total for i in self.items)
        done = sum(min(i.modules_completed, i.modules_total) for i in self.items)
        return round(100 * done / total) if total else 0

    @property
    def has_open_work(self) -> bool:
        return any(not i.is_completed for i in self.items)

    @property
    def stalled_days(self) -> int | None:
        """Days without any learning activity while assigned work is open."""
        if not self.has_open_work:
            return None
        if self.last_activity is None:
            return None
        days = (self.today - timezone.localtime(self.last_activity).date()).days
        return days if days >= STALLED_DAYS else None

    @property
    def never_started(self) -> bool:
        return self.has_open_work and self.last_activity is None

    @property
    def signals(self) -> list[str]:
        found = []
        if self.failed_recently >= REPEATED_FAILURES:
            found.append("failures")
        if self.stalled_days is not None or self.never_started:
            found.append("stalled")
        if self.overdue_mandatory:
            found.append("overdue")
        if self.open_requests:
            found.append("help")
        return found

    @property
    def attention(self) -> int:
        """How urgently this colleague needs a look (for sorting)."""
        weights = {"help": 8, "overdue": 4, "failures": 2, "stalled": 1}
        return sum(weights[s] for s in self.signals)


def _assigned_items(profiles: list[EmployeeProfile]) -> dict[int, list[ItemProgress]]:
    """Progress per assigned path and module for many learners: a fixed number of
    queries, whatever the number of learners (the bulk form of courses'
    ``my_learning``; it reads the courses models it needs, nothing else)."""
    from courses.models import Assignment, Enrolment, LearningPathModule

    user_ids = [p.user_id for p in profiles]
    if not user_ids:
        return {}
    departments = {p.department_id for p in profiles if p.department_id}
    functions = {p.job_function_id for p in profiles if p.job_function_id}
    T = Assignment.Target
    assignments = list(
        Assignment.objects.active()
        .filter(
            Q(target_type=T.PERSONS, people__in=user_ids)
            | Q(target_type=T.DEPARTMENT, department__in=departments)
            | Q(target_type=T.FUNCTION, job_function__in=functions)
        )
        .select_related("path", "module")
        .distinct()
    )
    people = defaultdict(set)
    person_ids = [a.pk for a in assignments if a.target_type == T.PERSONS]
    if person_ids:
        for assignment_id, user_id in Assignment.people.through.objects.filter(
            assignment__in=person_ids, user__in=user_ids
        ).values_list("assignment_id", "user_id"):
            people[assignment_id].add(user_id)
    path_modules: dict[int, list[int]] = defaultdict(list)
    path_ids = {a.path_id for a in assignments if a.path_id}
    if path_ids:
        for path_id, module_id in (
            LearningPathModule.objects.filter(path__in=path_ids, module__live=True)
            .order_by("sort_order", "pk")
            .values_list("path_id", "module_id")
        ):
            path_modules[path_id].append(module_id)
    completed = set()
    started = set()
    for user_id, module_id, status in Enrolment.objects.filter(
        user__in=user_ids
    ).values_list("user_id", "module_id", "status"):
        started.add((user_id, module_id))
        if status == Enrolment.Status.COMPLETED:
            completed.add((user_id, module_id))

    items: dict[int, dict[tuple, ItemProgress]] = defaultdict(dict)
    for profile in profiles:
        uid = profile.user_id
        for assignment in assignments:
            reaches = (
                (assignment.target_type == T.PERSONS and uid in people[assignment.pk])
                or (
                    assignment.target_type == T.DEPARTMENT
                    and assignment.department_id == profile.department_id
                )
                or (
                    assignment.target_type == T.FUNCTION
                    and assignment.job_function_id == profile.job_function_id
                )
            )
            if not reaches:
                continue
            if assignment.path_id:
                key = ("path", assignment.path_id)
                modules = path_modules[assignment.path_id]
                title = assignment.path.title
            elif assignment.module.live:
                key = ("module", assignment.module_id)
                modules = [assignment.module_id]
                title = assignment.module.title
            else:
                continue
            existing = items[uid].get(key)
            if existing is not None:
                # Several assignments give the same content: earliest due date.
                existing.due_date = min(existing.due_date, assignment.due_date)
                existing.mandatory = existing.mandatory or assignment.mandatory
                continue
            items[uid][key] = ItemProgress(
                title=str(title),
                is_path=key[0] == "path",
                modules_total=len(modules),
                modules_completed=sum(1 for m in modules if (uid, m) in completed),
                due_date=assignment.due_date,
                mandatory=assignment.mandatory,
                started=any((uid, m) in started for m in modules),
            )
    return {
        uid: sorted(found.values(), key=lambda i: (i.due_date or date.max, i.title))
        for uid, found in items.items()
    }


@dataclass
class DashboardFilters:
    floor: int | None = None
    learner: int | None = None
    signal: str = ""
    query: str = ""
    sort: str = "attention"

    SORTS = ("attention", "name", "progress", "activity", "floor")
    SIGNALS = ("failures", "stalled", "overdue", "help")


def coaching_dashboard(
    *, coach, filters: DashboardFilters | None = None, today: date | None = None
) -> list[LearnerRow]:
    """The colleagues on the coach's floors with progress and signals of who needs
    help. A fixed number of queries, whatever the number of colleagues."""
    from lms.lrs.models import Statement

    filters = filters or DashboardFilters()
    today = today or timezone.localdate()
    learners = coached_learners(coach=coach).select_related(
        "user", "floor__building", "department", "job_function"
    )
    if filters.floor:
        learners = learners.filter(floor=filters.floor)
    if filters.learner:
        learners = learners.filter(user_id=filters.learner)
    if filters.query:
        for word in filters.query.split()[:5]:
            learners = learners.filter(
                Q(user__first_name__icontains=word)
                | Q(user__last_name__icontains=word)
                | Q(user__email__icontains=word)
            )
    profiles = list(learners)
    items = _assigned_items(profiles)

    keys = {agent_key(vocabulary.actor_for(p.user)): p.user_id for p in profiles}
    since = timezone.now() - timedelta(days=FAILED_WINDOW_DAYS)
    failed = Counter()
    last = {}
    if keys:
        for actor, count in (
            Statement.objects.filter(
                actor_key__in=list(keys),
                verb_id=vocabulary.FAILED.id,
                voided=False,
                timestamp__gte=since,
            )
            .values("actor_key")
            .annotate(n=Count("seq"))
            .values_list("actor_key", "n")
        ):
            failed[keys[actor]] = count
        last = {
            keys[actor]: at
            for actor, at in Statement.objects.filter(
                actor_key__in=list(keys), voided=False
            )
            .values("actor_key")
            .annotate(at=Max("timestamp"))
            .values_list("actor_key", "at")
        }
    open_requests = Counter(
        dict(
            HelpRequest.objects.open()
            .filter(learner__in=[p.user_id for p in profiles])
            .values("learner")
            .annotate(n=Count("pk"))
            .values_list("learner", "n")
        )
    )
    rows = [
        LearnerRow(
            profile=p,
            items=items.get(p.user_id, []),
            today=today,
            failed_recently=failed[p.user_id],
            last_activity=last.get(p.user_id),
            open_requests=open_requests[p.user_id],
        )
        for p in profiles
    ]
    if filters.signal in DashboardFilters.SIGNALS:
        rows = [r for r in rows if filters.signal in r.signals]
    sorts = {
        "name": lambda r: (r.user.last_name.lower(), r.user.first_name.lower()),
        "progress": lambda r: (r.progress_percent, r.name.lower()),
        "activity": lambda r: (
            r.last_activity is not None,
            r.last_activity
            or datetime.min.replace(tzinfo=timezone.get_current_timezone()),
        ),
        "floor": lambda r: (str(r.profile.floor), r.name.lower()),
        "attention": lambda r: (-r.attention, r.name.lower()),
    }
    rows.sort(key=sorts.get(filters.sort, sorts["attention"]))
    return rows


def coach_floors(*, coach) -> list[Floor]:
    return list(
        Floor.objects.filter(pk__in=coached_floor_ids(coach)).select_related("building")
    )


def learner_signoffs(*, learner):
    from badges.models import CompetenceSignOff

    return CompetenceSignOff.objects.filter(learner=learner).select_related(
        "competence", "coach"
    )


def coach_signoffs(*, coach):
    """The sign-offs of the colleagues the coach coaches now."""
    from badges.models import CompetenceSignOff

    return CompetenceSignOff.objects.filter(
        learner__in=coached_learners(coach=coach).values("user_id")
    ).select_related("learner", "competence", "coach")


def competences_for_signoff():
    from badges.models import Competence

    return Competence.objects.filter(is_active=True).prefetch_related("levels")


# --- Response figures ---------------------------------------------------------------


@dataclass
class FloorMetrics:
    floor: Floor | None
    requests: int
    open: int
    first_response_median: timedelta | None
    first_response_mean: timedelta | None
    resolution_median: timedelta | None
    resolution_mean: timedelta | None
    unanswered: int


def _stats(values: list[timedelta]) -> tuple[timedelta | None, timedelta | None]:
    if not values:
        return None, None
    seconds = [v.total_seconds() for v in values]
    return timedelta(seconds=median(seconds)), timedelta(seconds=mean(seconds))


def help_metrics(
    *, since: datetime, until: datetime | None = None
) -> list[FloorMetrics]:
    """Per floor, over the requests asked in the period: time to the first response
    of an ICT expert and time to resolution (median and average). One query."""
    until = until or timezone.now()
    rows = HelpRequest.objects.filter(
        created_at__gte=since, created_at__lt=until
    ).values_list(
        "floor_id", "status", "created_at", "first_response_at", "resolved_at"
    )
    per_floor: dict = defaultdict(lambda: {"n": 0, "open": 0, "first": [], "done": []})
    for floor_id, status, created, first, resolved in rows:
        bucket = per_floor[floor_id]
        bucket["n"] += 1
        if status != HelpRequest.Status.RESOLVED:
            bucket["open"] += 1
        if first:
            bucket["first"].append(first - created)
        if resolved and status == HelpRequest.Status.RESOLVED:
            bucket["done"].append(resolved - created)
    floors = {f.pk: f for f in Floor.objects.select_related("building")}
    result = []
    for floor_id, floor in sorted(
        floors.items(), key=lambda kv: (kv[1].building.name, kv[1].number)
    ):
        bucket = per_floor.get(floor_id, {"n": 0, "open": 0, "first": [], "done": []})
        result.append(_metrics(floor, bucket))
    if None in per_floor:
        result.append(_metrics(None, per_floor[None]))
    return result


def _metrics(floor, bucket) -> FloorMetrics:
    first_median, first_mean = _stats(bucket["first"])
    done_median, done_mean = _stats(bucket["done"])
    return FloorMetrics(
        floor=floor,
        requests=bucket["n"],
        open=bucket["open"],
        first_response_median=first_median,
        first_response_mean=first_mean,
        resolution_median=done_median,
        resolution_mean=done_mean,
        unanswered=bucket["n"] - len(bucket["first"]),
    )
