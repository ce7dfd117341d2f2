"""A keyboard list of any length, read from the service a page at a time.

Textual's DataTable and OptionList build every row up front (seconds at 100,000 rows);
this is a Line-API `ScrollView` instead: its virtual height is the row count, and
`render_line` asks for the one row it paints. Rows come from a `Source` in pages of
`PAGE` kept in a small cache, so the cost of a key press does not depend on the number of
rows. Rows are rendered into `Strip`s of plain `Segment`s: user text is never parsed as
markup, and widths are measured in terminal cells.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Sequence
from itertools import chain
from typing import Any, ClassVar, Generic, NamedTuple, Protocol, TypeVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from workbench.domain.records import record
from workbench.domain.text import fit as cut_to_width
from workbench.domain.text import one_line
from workbench.tui.widgets.quiet_scrollbar import QuietScrollBar

T = TypeVar("T")

PAGE = 64
"""Rows read in one query."""
CACHED_PAGES = 16
KEPT_STRIPS = 512
"""Drawn rows kept; beyond this, those far from the rows shown are let go."""


class Source(Protocol[T]):
    """Where a list's rows come from, in display order."""

    def count(self) -> int: ...

    def page(self, offset: int, limit: int) -> Sequence[T]: ...

    def key(self, item: T) -> Hashable: ...

    def position(self, key: Hashable) -> int | None: ...


@record(frozen=True, slots=True)
class Cell:
    """One column of a row: text cut or padded to `width` cells (None = take the rest)."""

    text: str
    width: int | None
    style: Style | None = None
    align: str = "left"


def fit(text: str, width: int, align: str = "left") -> str:
    """Exactly `width` cells: cut with an ellipsis if too long, padded if short. Text that
    fits takes Rich's cached measure (most cells); a cut is the domain's, which ends the
    text on a whole character and pads after the ellipsis (Rich's cut put a space where a
    Chinese character did not fit: 整理教 …)."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return cut_to_width(text, width, align=align)
    if align == "right":
        return " " * (width - cell_len(text)) + text
    return set_cell_size(text, width)


class PagedList(ScrollView, Generic[T], can_focus=True):
    """The list widget behind the three panes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "paged-list--cursor",
        "paged-list--cursor-blurred",
        "paged-list--empty",
    }

    DEFAULT_CSS = """
    PagedList {
        background: $surface;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    PagedList > .paged-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    PagedList > .paged-list--cursor-blurred {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
    }
    PagedList > .paged-list--empty {
        color: $text-muted;
        text-style: italic;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "key.up", show=False, id="cursor_up"),
        Binding("down,j", "cursor_down", "key.down", show=False, id="cursor_down"),
        Binding("pageup", "page_up", "key.page_up", show=False, id="page_up"),
        Binding("pagedown", "page_down", "key.page_down", show=False, id="page_down"),
        Binding("home,g", "first", "key.first", show=False, id="first"),
        Binding("end,G", "last", "key.last", show=False, id="last"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """Index of the highlighted row. Moving it repaints only the two rows it leaves and
    reaches (watch_cursor), or everything when the list scrolls; a plain reactive would
    repaint every visible row on each key."""

    class _RowMessage(Message):
        """About one row of a list: which list, where, and what is there."""

        def __init__(self, widget: PagedList[Any], index: int, item: Any) -> None:
            super().__init__()
            self.widget = widget
            self.index = index
            self.item = item

        @property
        def control(self) -> PagedList[Any]:
            return self.widget

    class Highlighted(_RowMessage):
        """The cursor moved onto a row (or the list became empty: `item` is None)."""

    class Selected(_RowMessage):
        """Enter on a row."""

    def __init__(
        self,
        source: Source[T] | None = None,
        *,
        empty_text: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.source = source
        self.empty_text = empty_text
        self._count = 0
        self._pages: OrderedDict[int, Sequence[T]] = OrderedDict()
        self._strips: dict[tuple[int, int, bool], Strip] = {}
        self._kept: dict[tuple[Hashable, int, bool], tuple[T, Strip]] = {}
        """The rows drawn before the last reload, by their item's key (see _keep_rows)."""
        self._kept_context: Hashable = None
        self._last_highlight: Hashable | None = object()
        self._read_ahead_due = False
        self._far_due = False
        """Whether the next read-ahead also prepares the first and last screenfuls."""
        self._frame: _Frame | None = None
        """What the frame being rendered is drawn with (None between frames)."""
        self._styles: dict[tuple[str, bool], Style] = {}
        """The list's own style ("") and its components', kept with the rows drawn in
        them (see _style)."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """Textual's property, with a scrollbar that does not repaint on every row scrolled
        (see QuietScrollBar); creating it the way Textual does uses two private names."""
        if self._vertical_scrollbar is None:
            bar = QuietScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            bar.display = False
            self._vertical_scrollbar = bar
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    # ------------------------------------------------------------------ data

    @property
    def row_count(self) -> int:
        return self._count

    def item_at(self, index: int) -> T | None:
        if self.source is None or not 0 <= index < self._count:
            return None
        number, offset = divmod(index, PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self.source.page(number * PAGE, PAGE)
            self._pages[number] = page
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    @property
    def current(self) -> T | None:
        return self.item_at(self.cursor)

    @property
    def current_key(self) -> Hashable | None:
        item = self.current
        return self.source.key(item) if item is not None and self.source else None

    def reload(self, keep: Hashable | None = None, *, index: int | None = None) -> None:
        """Read the list again; put the cursor on `keep` if it is still there, else on
        `index` (or the same position), clamped to the list."""
        if self.source is None:
            return
        target = self.cursor if index is None else index
        self._keep_rows()
        self._pages.clear()
        self._strips.clear()
        self._count = self.source.count()
        if keep is not None:
            found = self.source.position(keep)
            if found is not None:
                target = found
        self._set_rows(self._count)
        self._set_cursor(max(0, min(target, self._count - 1)))
        self.refresh()

    def _keep_rows(self) -> None:
        """Remember the rows drawn so far by item rather than by position. After a
        quick-add every row below the new task moves down one place, and a reload used to
        draw the whole screenful again (10 ms of the 50 the change may take, measured at
        100,000); a row whose item and context are unchanged is now taken as it was."""
        kept: dict[tuple[Hashable, int, bool], tuple[T, Strip]] = {}
        if self.source is not None:
            for (index, width, selected), strip in self._strips.items():
                page = self._pages.get(index // PAGE)
                if page is not None and index % PAGE < len(page):
                    item = page[index % PAGE]
                    kept[(self.source.key(item), width, selected)] = (item, strip)
        self._kept = kept
        self._kept_context = self.row_context()

    def _forget_rows(self) -> None:
        """Everything drawn is out of date (language, colours, focus)."""
        self._strips.clear()
        self._kept = {}
        self._styles.clear()

    def _style(self, component: str = "", partial: bool = False) -> Style:
        """The list's style, or a component's, worked out once.

        Textual keeps these too, but empties its cache on every refresh, so each frame
        that drew a row (the cursor's, at least, on a page-down into rows not drawn
        before) walked every ancestor's styles again for each of the row's cells: the
        cursor's row took 0.7 ms to draw, the others 0.1 (measured at 100,000). Styles
        change only through notify_style_update (a theme, a class, focus), which forgets
        these with the rows drawn in them."""
        key = (component, partial)
        style = self._styles.get(key)
        if style is None:
            if component:
                style = self.get_component_rich_style(component, partial=partial)
            else:
                style = self.rich_style
            self._styles[key] = style
        return style

    def row_context(self) -> Hashable:
        """What a row's drawing depends on besides its item, the width and the cursor
        (e.g. the minute the due dates are worded for); subclasses that have such a thing
        say so, or a kept row could be shown out of date."""
        return None

    def _set_rows(self, count: int) -> None:
        """Give the scroll view its new height.

        Changing `virtual_size` lays the whole screen out again, and the frame after a
        layout repaints every widget (about 40 ms at 120×40, measured): too much for a
        quick-add, a refresh or a search keystroke, where only the number of rows changed.
        A list needs that layout only when its scrollbar appears or goes; otherwise the
        height is set without one and the scrollbar is told the new length directly.
        """
        size = Size(self.size.width, count)
        if size == self.virtual_size:
            return
        viewport = self.container_size.height
        before = self.virtual_size.height
        if (
            not viewport
            or size.width != self.virtual_size.width
            or ((before > viewport) != (count > viewport))
        ):
            self.virtual_size = size
            return
        self.set_reactive(PagedList.virtual_size, size)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = count
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def set_source(
        self, source: Source[T], empty_text: str | None = None, *, load: bool = True
    ) -> None:
        """Show another source (a new filter); `load=False` leaves the reading to a
        `reload` the caller is about to do anyway."""
        self.source = source
        if empty_text is not None:
            self.empty_text = empty_text
        if load:
            self.reload(index=0)

    def invalidate(self) -> None:
        """Forget rendered rows (e.g. the language or the clock changed); keep the data."""
        self._forget_rows()
        self.refresh()

    # ------------------------------------------------------------------ cursor

    def _set_cursor(self, index: int) -> None:
        self.cursor = max(0, index)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, max(self._count - 1, 0)))

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self._read_ahead_due = True
        self._strips.pop((old, self.size.width, True), None)
        self._strips.pop((new, self.size.width, False), None)
        self.refresh_line(old)
        self.refresh_line(new)
        key = self.current_key
        if key != self._last_highlight:
            self._last_highlight = key
            self.post_message(self.Highlighted(self, new, self.current))

    def _read_ahead(self) -> None:
        """After the frame is out, read and draw the screenfuls above and below the one
        shown (and after a move, the first and the last), so the next page-down, page-up,
        home or end finds them ready: a person's next key comes after this is done, and
        it is the same few rows at any length of list. Each row also goes through the
        app's line filters here (each strip keeps what a filter made of it), not in the
        key's frame.

        It is asked for by the frame that draws the list (render_lines), as the next
        message to this widget: Textual's `call_after_refresh` can run before the frame
        when the screen has not yet heard that the list needs one, and then the key waits
        for it (up to a millisecond, measured)."""
        height = self.scrollable_content_region.height
        if not self.is_mounted or self._count == 0 or height <= 0:
            return
        frame = self._measure()
        top, width = frame.top, frame.width
        if len(self._strips) > KEPT_STRIPS:
            self._let_go_of_far_rows(top, height)
        count = self._count
        below = range(top + height, min(top + 2 * height, count))
        above = range(max(0, top - height), top)
        rows = [below, above]
        if self._far_due:
            self._far_due = False
            rows += [range(max(0, count - height), count), range(min(height, count))]
        filters = self.get_line_filters()
        background = self.background_colors[1]
        for index in chain.from_iterable(rows):
            key = (index, width, index == self.cursor)
            strip = self._strips.get(key)
            if strip is None:
                strip = self._strips[key] = self._render_row(index, frame, index == self.cursor)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)

    def _let_go_of_far_rows(self, top: int, height: int) -> None:
        """Keep the drawn rows from two screenfuls above the one shown to two below, and
        the first and last screenfuls (home, end). (The cache used to be emptied when
        full, and the read-ahead to stop: some forty pages into a long list every
        page-down drew its screenful inside its own frame.)"""
        near = range(top - 2 * height, top + 3 * height)
        last = self._count - height
        self._strips = {
            key: strip
            for key, strip in self._strips.items()
            if key[0] in near or key[0] < height or key[0] >= last
        }

    def _scroll_cursor_into_view(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        """Rows drawn stay: they are kept by width, so a new width draws its own, and the
        first Resize (which every list gets once the screen is laid out) finds the rows of
        the frame Textual has just drawn — at start-up, every row of the first screen."""
        self.virtual_size = Size(self.size.width, self._count)
        self._scroll_cursor_into_view()

    def notify_style_update(self) -> None:
        """The stylesheet changed (another theme): the rows drawn keep the old colours."""
        self._forget_rows()
        super().notify_style_update()

    def on_focus(self) -> None:
        self._forget_rows()
        self.refresh()

    def on_blur(self) -> None:
        self._forget_rows()
        self.refresh()

    _MOVES: ClassVar[frozenset[str]] = frozenset(
        binding.action for binding in BINDINGS if isinstance(binding, Binding)
    )
    """The actions of the list's own keys (above), which on_key runs directly."""

    def on_key(self, event: events.Key) -> None:
        """A moving key acts where it first arrives. Left to Textual, it is passed up
        through every container to the app, which then looks the key up along the focus
        chain and finds this list's binding: 0.7 ms of a 5 ms step, measured. The app's
        priority bindings have been tried before the key gets here, and the focused
        widget's own binding is the one that lookup would pick, so the outcome is the
        same. With a keymap set, keys take Textual's way, which applies it. So do the
        letter keys (j, k, g, G): one typed right behind the key that opens a field or a
        dialog (a, /) reaches the list before that key has been acted on, and must go up
        after it, in order, to be typed into the field (see WorkbenchApp._on_key)."""
        if self.app._keymap or event.is_printable:
            return
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if binding.action in self._MOVES and not binding.priority:
                event.stop()
                event.prevent_default()
                getattr(self, f"action_{binding.action}")()
                return

    def _move_to(self, index: int) -> None:
        """The user moves the cursor: the read-ahead after the frame also prepares the
        first and last screenfuls, which are then kept (see _let_go_of_far_rows). A reload
        (a search keystroke, a refresh) does not ask for them: reading the last screenful
        of a long list walks its index to the end, work a person typing does not need."""
        self._far_due = True
        self.cursor = index

    def action_cursor_up(self) -> None:
        self._move_to(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self._move_to(self.cursor + 1)

    def action_page_up(self) -> None:
        self._move_to(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_page_down(self) -> None:
        self._move_to(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(self._count - 1)

    def action_select(self) -> None:
        item = self.current
        if item is not None:
            self.post_message(self.Selected(self, self.cursor, item))

    def on_click(self, event) -> None:
        row = round(self.scroll_y) + event.y
        if 0 <= row < self._count:
            self._move_to(row)

    # ------------------------------------------------------------------ rendering

    def cell_style(self, name: str) -> Style:
        """A component's own style (colour, weight), laid over the row's background so the
        cursor stays visible across every column."""
        return self._style(name, partial=True)

    def render_cells(self, item: T, width: int) -> list[Cell]:
        """The columns of one row; subclasses say what they show."""
        raise NotImplementedError

    def render_lines(self, crop: Region) -> list[Strip]:
        """Measure the width, the top row and the widget's style once per frame, not once
        per line (the style walks every ancestor each time it is asked for).

        A list without border, padding, outline, tint or transparency (every list here) is
        drawn without Textual's general styling path: for such a box that path returns
        each row as it was drawn, after a dozen style look-ups and a new copy of it per
        line, which made a one-row scroll redo all forty rows (a third of the frame,
        measured). Here the rows are the drawn ones, and the app's line filters are applied
        to them once, cached in the row itself."""
        frame = self._frame = self._measure()
        try:
            if not self._plain_box():
                return super().render_lines(crop)
            filters = self.get_line_filters()
            background = self.background_colors[1]
            lines = []
            for y in crop.line_range:
                strip = self.render_line(y)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                lines.append(strip)
            x1, x2 = crop.column_span
            if (x1, x2) != (0, frame.full):
                lines = [line.crop(x1, x2) for line in lines]
            return lines
        finally:
            self._frame = None
            if self._read_ahead_due:
                self._read_ahead_due = False
                self.call_later(self._read_ahead)

    def _plain_box(self) -> bool:
        """Whether the widget is drawn as its rows alone (see render_lines)."""
        styles = self.styles
        return (
            not any(edge for edge, _ in styles.border)
            and not any(edge for edge, _ in styles.outline)
            and not any(styles.padding)
            and not styles.tint.a
            and self.opacity == 1
            and styles.text_opacity == 1
            and (not styles.has_rule("hatch") or styles.hatch == "none")
            and self._border_title is None
            and self._border_subtitle is None
        )

    def _measure(self) -> _Frame:
        return _Frame(
            self.scrollable_content_region.width,
            self.content_region.width,
            round(self.scroll_y),
            self._style(),
        )

    def render_line(self, y: int) -> Strip:
        frame = self._frame or self._measure()
        width, full, style = frame.width, frame.full, frame.style
        index = frame.top + y
        if self._count == 0:
            if y == 0 and self.empty_text:
                style = self._style("paged-list--empty")
                return Strip([Segment(fit(" " + self.empty_text, full), style)], full)
            return Strip.blank(full, style)
        if index >= self._count:
            return Strip.blank(full, style)
        selected = index == self.cursor
        key = (index, width, selected)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(index, frame, selected)
            if len(self._strips) > 2 * KEPT_STRIPS:  # the read-ahead usually sees to it
                self._let_go_of_far_rows(frame.top, self.scrollable_content_region.height)
            self._strips[key] = strip
        return strip

    def _render_row(self, index: int, frame: _Frame, selected: bool) -> Strip:
        """A row laid out across the list's `width`, drawn across the `full` width of its
        box (the cell under a scrollbar takes the row's background)."""
        width, full, base = frame.width, frame.full, frame.style
        item = self.item_at(index)
        if selected:
            cursor_class = "paged-list--cursor" if self.has_focus else "paged-list--cursor-blurred"
            base = base + self._style(cursor_class)
        if item is None:
            return Strip.blank(full, base)
        if self._kept and self.source is not None:
            kept = self._kept.get((self.source.key(item), width, selected))
            if kept is not None and kept[0] == item and self._kept_context == self.row_context():
                return kept[1]
        cells = self.render_cells(item, width)
        fixed = sum(c.width for c in cells if c.width is not None) + len(cells)
        flex = max(width - fixed, 4)
        segments = [Segment(" ", base)]
        length = 1
        for cell in cells:
            w = flex if cell.width is None else cell.width
            text = fit(_one_line(cell.text), w, cell.align)
            style = base + cell.style if cell.style else base
            segments.append(Segment(text, style))
            segments.append(Segment(" ", base))
            length += w + 1
        # Each cell was fitted to its width, so the row's length is known: usually the
        # width plus the last cell's trailing space, which fills the scrollbar's column.
        if length == full:
            return Strip(segments, full)
        if length == full + 1:
            return Strip(segments[:-1], full)
        return Strip(segments).adjust_cell_length(full, base)


class _Frame(NamedTuple):
    width: int
    """Cells the row's columns are laid out in (the box less its scrollbar)."""
    full: int
    """Cells a row is drawn across (the box's content, under the scrollbar too)."""
    top: int
    """The row at the top of the box."""
    style: Style
    """The list's own style, which every cell is drawn over."""


def _one_line(text: str) -> str:
    """`one_line`, without its character-by-character cleaning when there is nothing to
    clean: printable text has no control characters, escapes, line breaks or spaces other
    than U+0020, so cleaning it only trims and joins its words."""
    if text.isprintable():
        return " ".join(text.split())
    return one_line(text)
