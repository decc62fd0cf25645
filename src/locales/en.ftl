# EventLens: English. Every message here must exist in every other
# src/locales/*.ftl with the same placeables (a test checks).

## How numbers and dates are written

number-group = ,
number-decimal = .
date-long = { $day } { $month } { $year }
date-span = { $first } to { $last }
date-span-none = no events
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
size-kb = { $value } kB
size-mb = { $value } MB
size-gb = { $value } GB
size-tb = { $value } TB

## Counts

n-events = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
n-fatalities = { $count ->
    [one] { $count } fatality
   *[other] { $count } fatalities
}
n-reported-fatalities = { $count ->
    [one] { $count } reported fatality
   *[other] { $count } reported fatalities
}
n-places = { $count ->
    [one] { $count } place
   *[other] { $count } places
}

## The language switch

# The language's own name, shown on its button.
lang-name = English
lang-switch-label = Language

## Header and headline counts

header-loading = Loading the bundled dataset...
header-read-locally = {" "}Read in your browser, not uploaded.
header-open-file = Open your own file
header-open-hint = ACLED or UCDP GED CSV export, or drop a file anywhere on the page.
header-import-report = Import report
counts-events-word = { $count ->
    [one] {" "}event
   *[other] {" "}events
}
counts-fatalities-word = { $count ->
    [one] {" "}fatality
   *[other] {" "}fatalities
}
counts-civilian-word = { $count ->
    [one] {" "}civilian fatality
   *[other] {" "}civilian fatalities
}
counts-estimates = {" "}(estimates { $low } to { $high })
counts-scanning-notes = Searching the notes of the file: { $percent }%; counts will follow.

## ACLED and UCDP category names (the data keeps the original)

term-battles = Battles
term-violence-against-civilians = Violence against civilians
term-explosions-remote-violence = Explosions/Remote violence
term-protests = Protests
term-riots = Riots
term-strategic-developments = Strategic developments
term-political-violence = Political violence
term-demonstrations = Demonstrations
term-political-violence-demonstrations = Political violence; Demonstrations
term-armed-clash = Armed clash
term-government-regains-territory = Government regains territory
term-non-state-actor-overtakes-territory = Non-state actor overtakes territory
term-sexual-violence = Sexual violence
term-attack = Attack
term-abduction-forced-disappearance = Abduction/forced disappearance
term-chemical-weapon = Chemical weapon
term-air-drone-strike = Air/drone strike
term-suicide-bomb = Suicide bomb
term-shelling-artillery-missile-attack = Shelling/artillery/missile attack
term-remote-explosive-landmine-ied = Remote explosive/landmine/IED
term-grenade = Grenade
term-peaceful-protest = Peaceful protest
term-protest-with-intervention = Protest with intervention
term-excessive-force-against-protesters = Excessive force against protesters
term-violent-demonstration = Violent demonstration
term-mob-violence = Mob violence
term-agreement = Agreement
term-arrests = Arrests
term-change-to-group-activity = Change to group/activity
term-disrupted-weapons-use = Disrupted weapons use
term-headquarters-or-base-established = Headquarters or base established
term-looting-property-destruction = Looting/property destruction
term-non-violent-transfer-of-territory = Non-violent transfer of territory
term-other = Other
term-state-based-conflict = State-based conflict
term-non-state-conflict = Non-state conflict
term-one-sided-violence = One-sided violence

## Filter panel

filters-title = Filters
filters-hide = Hide filter controls
filters-show = Show filter controls
filters-when = When
filters-where = Where
filters-what = What
filters-text = Text
filters-who = Who
filters-from = From
filters-to = To
filters-months-from = Months from
filters-months-to = to
filters-all-year = All year
filters-fatalities-min = Fatalities at least
filters-fatalities-max = at most
filters-civilian = Civilian targeting
filters-civilian-any = Any event
filters-civilian-only = Only events targeting civilians
filters-civilian-none = Only events not targeting civilians
filters-actor = Actor
filters-role = In the role of
filters-alongside = Alongside (same side as the actor)
filters-fold-actors = Fold actor names…
filters-none = None: all events are shown.
filters-remove = Remove filter { $filter }
filters-clear-all = Clear all
filters-all = All
filters-chosen = Chosen: { $values }.{" "}
filters-choose-several = Ctrl- or ⌘-click to choose several.
filters-uncertain = {" "}Count uncertain attributions (“X and/or Y”) under each actor
filters-uncertain-count = { $count ->
    [0] No event of this file names an uncertain attribution.
    [one] { $count } event of this file names one; unticked, it counts only under “X or Y (uncertain)”.
   *[other] { $count } events of this file name one; unticked, they count only under “X or Y (uncertain)”.
}
filters-actor-placeholder = Name or part of a name
filters-suggest-uncertain = uncertain attribution · { n-events }
filters-suggest-canonical = all names · { n-events }
filters-text-label = Places and notes containing
filters-text-placeholder = e.g. Moura

## Notices, progress, import report and dialogs

notice-dismiss = Dismiss
notice-link-ignored = Some parts of the link were ignored:
progress-reading = Reading{" "}
progress-colon = :{" "}
progress-of = {" "}of { $total }
progress-rows = , { $rows } rows ({ $speed } rows/s)
progress-label = Reading the file
progress-percent = { $percent }%
dialog-cancel = Cancel
report-none = none
report-close = Close report
report-format = Format
report-encoding = Encoding
report-separator = Separator
report-size = Size
report-rows-read = Rows read
report-rows-skipped = Rows skipped
report-events = Events
report-dates = Dates
report-skipped-why = Rows skipped, and why
report-unreadable = Values that could not be read
report-warnings = Warnings
report-columns = Columns
report-columns-used = Used:{" "}
report-columns-ignored = Ignored:{" "}
date-order-title = Day first or month first?
date-order-question = { $file } writes dates as numbers, and none of them has a day over 12 to tell which comes first. How should they be read?
date-order-in-file = In the file
date-order-day-first = Day first
date-order-month-first = Month first
mapping-required = {" "}(required)
mapping-none = (none)
mapping-title = Which column is what?
mapping-intro = { $file } does not look like an ACLED or UCDP GED export. Choose the columns to read; only the date is required.
mapping-date-order = Dates like 05/06/2022 mean
mapping-date-auto = Detect (ISO or day first)
mapping-date-day-first = 5 June 2022 (day first)
mapping-date-month-first = 6 May 2022 (month first)
mapping-read = Read the file
drop-overlay = Drop the CSV file to explore it

## Page layout

error-notes-reread = The file could not be read again to search its notes (was it moved or changed?); open it once more.
lower-label = Events and comparison
tab-table = Events table
tab-compare = Compare periods
footer-privacy = EventLens runs entirely in your browser: files you open are never uploaded.
footer-outlines = Country outlines: Natural Earth (public domain), via world-atlas.

## Details, table and comparison

details-unavailable = The record's text is not available.
details-title = Event record
dialog-close = Close
details-reading = Reading the record...
details-notes = Notes
details-source = Source
details-all-fields = All fields as in the file
table-file-order = File order
compare-period-a = Period A
compare-period-b = Period B
compare-note = All filters apply except the date range, which the two periods replace.
compare-preset-title = Same months in consecutive years
compare-of-year = of year
compare-by = By
compare-chart-label = The comparison as paired bars: period A over period B for each row
compare-legend-label = Periods

## Charts and map

bars-title = Breakdown
bars-show-fewer = Show fewer
bars-show-all = Show all { $count }
timeline-legend-hint = Show only this event type (click again to undo)
timeline-title = Over time
timeline-per = Per
bin-day = day
bin-week = week
bin-month = month
bin-quarter = quarter
bin-year = year
bin-season = season
timeline-measure = Measure
timeline-all-dates = All dates
timeline-chart-label = Timeline chart: drag across it to choose dates, or use the date fields
map-density-note = Shade: events per square of the grid
map-layer-label = Map layer
map-zoom-label = Map zoom
map-zoom-in = Zoom in
map-zoom-out = Zoom out
place-unnamed = Unnamed place
map-reset = Reset
map-label = Map of the filtered events: each circle is a place, larger for more fatalities. Drag or use the arrow keys to move, the wheel or + and - to zoom; click a circle to list its events. Tab moves through the busiest places in sight.
map-stops-label = Busiest places in sight
play-label = Play through time
play-pause = Pause
play-play = Play
play-stop = Stop

## Sharing, embedding and downloads

share-label = Share and download
share-copy-link = Copy link
share-embed = Embed
share-download-events = Download events (CSV)
share-link-label = Link to this view
share-embed-code-label = Embed code: a frame the width of the article, with the chart's summary as its caption, and a few lines of script that fit the frame's height to the chart
share-copy-embed = Copy embed code
share-preview-embed = Preview the embed
share-embed-panel = Panel to embed
share-file-note = Files you open stay on your computer, so this link opens the bundled dataset with the same filters.
share-file-note-how = To share a view of your own file, put the CSV on a web server that allows it and add
share-file-note-end = {" "}to the link.
chart-title-timeline = { $measure } per { $bin }
chart-title-breakdown = { $measure } by { $by }
chart-title-compare = { $measure } by { $by }: { $a } vs { $b }
chart-title-map = Map of the events
chart-title-counts = Events and fatalities
compare-not-computed = The comparison is computed when it is on show.
loading-data = Loading the data…
download-failed = The download could not be made: { $reason }
export-preparing = Preparing the events: { $percent }%
export-reread-failed = The file could not be read again for the export (was it moved or changed?); open it once more.
export-button-label = Download the { $chart } as { $format }
chart-name-timeline = timeline
chart-name-breakdown = breakdown
chart-name-compare = comparison
chart-name-map = map
chart-name-counts = counts
panel-compare = Period comparison
panel-counts = Headline counts
embed-open-full = Open in EventLens

## Published figures, about, actor folds and chart texts

published-title = Published figures beside the data
published-intro = What the articles behind the bundled data publish, beside what the dataset on show counts for the same period, area, actor and event types.
published-intro-sample = The bundled dataset is a curated sample of reported events, so its counts fall far short; open your own ACLED export to check the figures against it.
published-any = any
published-published = Published:{" "}
published-this-dataset = This dataset:{" "}
published-difference = Difference:{" "}
published-not-counted = Not counted here:{" "}
published-read-as = {" "}Read as: { $reading }.
published-show-label = Show the events behind: { $claim }
published-show = Show these events
published-period = Period:
published-area = Area:
published-actor = Actor:
published-types = Event types:
published-definition = Definition
published-counted-with = Counted here with:{" "}
about-loading = Loading…
about-failed = The page could not be loaded: { $reason }
about-open = About the data and its sources
about-title = About the data
about-markdown = The same page as a Markdown file
aliases-title = Fold actor names
aliases-intro = Pick the names this file uses for one actor, then the name to count them under.
aliases-intro-scope = Your folds apply on top of the built-in ones, to every file you open; the link keeps them.
aliases-search = Names containing
aliases-note = { n-events } · now { $canonical }
aliases-target = Count them as
aliases-target-placeholder = A canonical actor, new or existing
aliases-apply = { $count ->
    [one] Fold { $count } name
   *[other] Fold { $count } names
}
aliases-done = Done
aliases-mine = Your folds
aliases-none = None yet: the built-in names apply.
aliases-remove-label = Remove the fold { $fold }
aliases-remove = Remove
texts-summary = Title and notes
texts-hint = Shown with the chart, in its embed and its downloads, and kept in the link. Plain text only.

## Dimensions and measures

category-label-country = country
category-chip-country = Country
category-control-country = Country
category-title-country = Countries
category-label-admin1 = region (admin 1)
category-chip-admin1 = Admin 1
category-control-admin1 = Admin 1 (region)
category-title-admin1 = Regions (admin 1)
category-label-admin2 = district (admin 2)
category-chip-admin2 = Admin 2
category-control-admin2 = Admin 2 (district)
category-title-admin2 = Districts (admin 2)
category-label-admin3 = commune (admin 3)
category-chip-admin3 = Admin 3
category-control-admin3 = Admin 3 (commune)
category-title-admin3 = Communes (admin 3)
category-label-event-type = event type
category-chip-event-type = Type
category-control-event-type = Event type
category-title-event-type = Event types
category-label-sub-event-type = sub-event type
category-chip-sub-event-type = Sub-type
category-control-sub-event-type = Sub-event type
category-title-sub-event-type = Sub-event types
category-label-disorder-type = disorder type
category-chip-disorder-type = Disorder
category-control-disorder-type = Disorder type
category-title-disorder-type = Disorder types
groupby-label-day = day
groupby-label-week = week
groupby-label-month = month
groupby-label-quarter = quarter
groupby-label-year = year
groupby-label-season = season
groupby-label-actor = actor
groupby-title-actor = Actors
groupby-title-time = Time

## Measures

measure-events = Events
measure-fatalities = Fatalities

## Table columns

column-date = Date
column-event-type = Event type
column-side1 = Actor 1 side
column-side2 = Actor 2 side
column-location = Location

## Filter chips

role-any = any role
role-actor1 = actor 1
role-actor2 = actor 2
role-assoc1 = associated with actor 1
role-assoc2 = associated with actor 2
role-side1 = side 1 (actor 1 or associated)
role-side2 = side 2 (actor 2 or associated)
chip-dates = { $first } to { $last }
chip-from = From { $first }
chip-until = Until { $last }
chip-month = Months: { $month }
chip-months = Months: { $first }-{ $last }
chip-category = { $category }: { $value }
chip-actor = Actor: { $actor }
chip-actor-role = Actor: { $actor } ({ $role })
chip-alongside = Alongside: { $actor }
chip-uncertain = Including uncertain attributions (“X and/or Y”)
chip-fatalities = Fatalities: { $count }
chip-fatalities-range = Fatalities: { $low }-{ $high }
chip-fatalities-min = Fatalities: at least { $low }
chip-fatalities-max = Fatalities: at most { $high }
chip-civilian-only = Civilian targeting only
chip-civilian-none = No civilian targeting
chip-text = Text: “{ $text }”
filters-in-words-none = No filters: all events.
filters-in-words = Filters: { $filters }.

## Chart summaries

summary-period-days = between { $first } and { $last }
summary-period-month = in { $month } { $year }
summary-period-year = in { $year }
summary-period-months = between { $first } and { $last } { $year }
summary-period-months-years = between { $first } { $first_year } and { $last } { $last_year }
summary-change-none = none in either period
summary-change-from-none = against none in the earlier period
summary-change-same = the same number as the earlier period
summary-change-small = { $direction ->
    [up] up
   *[down] down
} from { $before } in the earlier period
summary-change-percent = { $direction ->
    [up] up
   *[down] down
} { $percent }% on the earlier period ({ $before })
summary-there-were = { $count ->
    [one] there was { $what }
   *[other] there were { $what }
}
summary-comparison = { $period } { $now }, { $change }; { $earlier } { $before }.
summary-mover = { $key } { $direction ->
    [up] rose
   *[down] fell
} from { $from } to { $to }
summary-movers = {" "}By { $by }: { $movers }.
summary-totals-none = No events match the current filters.
summary-totals-on = {" "}on { $day }
summary-totals-between = {" "}between { $first } and { $last }
summary-totals-range = {" "}(estimates { $low }-{ $high })
summary-totals = { $events } with { $fatalities }{ $range } ({ $civilian } civilian){ $span }.
summary-timeline-empty = The timeline is empty.
summary-timeline-none = No events in the timeline for the current filters.
summary-timeline-coarsened = {" "}Shown by { $bin } because by { $wanted } the span would need more than { $max } bars.
summary-timeline = { $total } { $measure ->
    [events] events
   *[fatalities] reported fatalities
} from { $first } to { $last }, by { $bin }; the highest { $bin } was { $peak } with { $value }.{ $coarsened }
summary-breakdown-none = No { $measure ->
    [events] events
   *[fatalities] fatalities
} to show by { $dimension }.
summary-breakdown-entry = { $label } ({ $value }, { $percent }%)
summary-breakdown = By { $dimension }, most { $measure ->
    [events] events
   *[fatalities] fatalities
} were in or by: { $top }.
summary-map-none = No events to show on the map.
summary-map = The map shows { $events } at { $places }; the most were at { $place } ({ $place_events }, { $place_fatalities }).
summary-map-single = The map shows { $events }, one at each place.
summary-map-deadliest = {" "}The deadliest was at { $place } ({ $fatalities }).
summary-map-unplaced = { $count ->
    [one] {" "}{ $count } event has no coordinates and is not shown.
   *[other] {" "}{ $count } events have no coordinates and are not shown.
}

## Captions, footers, credits and map texts

scope-shown-dates = every date is shown, those outside the range veiled
scope-shown-compare = the comparison counts its own two periods
scope-shown-bars = { $shown }, the bars it names highlighted
scope-not-applied = Not applied to this chart: { $filters }. Instead, { $shown }.
scope-all-shown-actors = the busiest actors are shown
scope-all-shown = all { $values } are shown
list-and = { $first } and { $last }
caption-shown-actors = The busiest actors shown
caption-shown = All { $values } shown
caption-none-selected = { $shown }.
caption-actor-alongside = {" "}(the actor filter, with its “alongside”, applies to the other charts)
caption-actor = {" "}(the actor filter applies to the other charts)
caption-selected = { $shown }; { $selected } selected{ $extra }.
compare-caption = Events and fatalities by { $by }: A = { $a }, B = { $b }
compare-heading-events-a = Events A
compare-heading-events-b = Events B
compare-heading-change = Change
compare-heading-fatalities-a = Fatalities A
compare-heading-fatalities-b = Fatalities B
compare-preset-button = Compare with { $year }
table-count-line = { $events }; select a row to read its full record.
map-tooltip = { $place }: { $events }, { $fatalities }
map-place-caption = { $count ->
    [one] { $count } event matches the filters here
   *[other] { $count } events match the filters here
}
map-place-first = ; the first { $count } are listed
map-event-line = { $date } · { $event_type } · { $fatalities } fatalities
map-unnamed-region = Unnamed region
map-no-points = No event with coordinates matches the filters.
change-new = new
change-none = no change
change-percent = { $sign }{ $percent }%
credit-bundled-title = Wagner Group in Mali, events in public reporting
credit-remote-title = { $url } (not verified by EventLens)
credit-events-to = , events to { $day }
credit-bundled-versioned = { $title } (EventLens { $version } edition{ $to }). { $note }
credit-versioned = { $title } ({ n-events }{ $to })
credit-bundled = Compiled by EventLens from CTC Sentinel, RUSI, Jamestown Foundation, Jeune Afrique / The Africa Report and a policy brief.
credit-ucdp-version = {" "}version { $version }
credit-ucdp = Data: UCDP Georeferenced Event Dataset (GED){ $version }, Uppsala Conflict Data Program, CC BY 4.0 (Sundberg and Melander 2013)
credit-acled-exported = , exported { $day }
credit-acled = Data: Armed Conflict Location & Event Data Project (ACLED), acleddata.com{ $exported }
credit-own-file = Data: the user's own file
credit-synthetic = Data: SYNTHETIC test events made by EventLens's generator ({ n-events }), not real reports
credit-remote = { $cite }; loaded from { $url }, not verified by EventLens.
credit-cite = { $cite }.
credit-sample-note = A curated sample of reported events, not a complete count of what happened.

## Exported charts, sharing and records

chart-tip-selected = { $label }: { $value } (selected)
chart-source = Source: { $source }
record-column = column { $number }
panel-timeline = Timeline
panel-map = Map
panel-breakdown = Breakdown
panel-table = Events table
embed-title = EventLens: { $chart } · { $dataset }
copy-done = Copied to the clipboard.
copy-failed = This browser did not let the page copy: select the text above and copy it (Ctrl+C or ⌘C).

## Import errors

error-empty-file = The file is empty (0 bytes). Choose the CSV export itself; if you downloaded it, the download may not have finished.
error-only-bom = The file holds only a byte-order mark ({ $size }) and no text. Choose the CSV export itself; if you downloaded it, the download may not have finished.
error-only-blank-lines = The file holds only blank lines ({ $size } of line breaks, spaces or separators), with no column names or events. Choose the CSV export itself; if you downloaded it, the download may not have finished.
error-header-only = The file has a header row but no events under it. Check that the export's filters (dates, countries) matched some events, then export again.
error-excel = This is an Excel workbook (.xlsx/.xls), not a CSV file. Open it in Excel or LibreOffice and use File > Save As > "CSV UTF-8 (comma delimited)", then drop the .csv here.
error-zip = This is a ZIP archive, not a CSV file. Unzip it first and drop the .csv file that is inside.
error-html = This file is a web page (HTML), not CSV data; it was probably saved from a browser tab or an error page. Download the CSV export again and drop that file.
error-xml = This file is an XML document, not CSV data. Download the CSV export of the data and drop that file.
error-pdf = This is a PDF document, not CSV data. Download the data as CSV (from the ACLED export tool or the UCDP download page) and drop that file.
error-gzip = This file is compressed (gzip, often named .csv.gz). Decompress it first and drop the .csv file it holds.
error-binary = This is not a text file: it has binary data at byte { $offset }. Drop a CSV export (text with comma, semicolon or tab separated columns).
error-unclosed-quote = Line { $line }: a quoted field opens with " but is never closed, so the rest of the file would be read as one value. Check that line for a stray double quote, or re-export the file.
error-stray-quote = Line { $line }, column { $column }: a quoted value opens with " and runs on to line { $until_line }, taking in { $rows ->
    [one] { $rows } line that looks like an event row, so it would be lost
   *[other] { $rows } lines that look like event rows, so they would be lost
}. Check line { $line } for a stray double quote (a quote inside a value is written twice, ""), or re-export the file.
error-quote-in-header = Line { $line }, column { $column } of the header: a double quote opens a column name that runs on over separators or line breaks ("{ $value }"), so the columns cannot be told apart. Remove the stray quote from the header line, or re-export the file.
error-record-too-long = Line { $line }: one row is longer than { $limit_mb } MB, which usually means a double quote that is never closed. Check that line for a stray quote, or re-export the file.
error-duplicate-column = The header names the column "{ $name }" twice (columns { $first } and { $second }), so it is unclear which to use. Rename or delete one of them and try again.
error-unknown-layout = The columns ({ $columns }) do not match an ACLED or UCDP GED export. Choose which column holds the date, place, actors, event type and fatalities to read it anyway.
error-mapping-unset = The column mapping does not say which column holds the { $role }. Pick one of the file's columns.
error-mapping-missing = The column mapping uses "{ $name }" as the { $role } column, but the file has no column of that name. Pick one of the file's columns.
error-no-rows-value = {" "}("{ $value }")
error-no-usable-rows = No row of the file could be read as an event. The first problem: { $place }: { $problem }{ $value }{ $hint }
error-too-large = The file is { $size }, more than the { $limit } this browser tab can read. Export a smaller selection (fewer years or countries) and load that.
error-too-many-events = Line { $line }: the file has more than { $limit } events, more than this browser tab can hold (each takes about 40 bytes of memory). Export a smaller selection (fewer years or countries) and load that.
error-too-much-memory = Line { $line }: the events read so far, with their places, actors and names, take more than { $limit } of memory, more than this browser tab can hold. Export a smaller selection (fewer years or countries) and load that.
error-held-text-too-large = Line { $line }: this { $encoding } file is converted to UTF-8 and kept in memory, and by this line it would take more than { $limit }. Save it as "CSV UTF-8" (which is read without a copy), or export a smaller selection, and load that.
error-too-many-values = Line { $line }: the column "{ $column }", read as the { $role }, has more than { $limit } different values, more than a type column can hold; it is probably not a column of types. Choose another column for the { $role } in the column mapping, or check the file.
error-ambiguous-example = {" "}("{ $value }" is { $day_first } day first, { $month_first } month first)
error-ambiguous-dates = The dates can be read day first or month first, and no date in the file has a day over 12 to tell which{ $example }. Choose the order the file uses, then load it again.

## Import report: row problems

problem-hint-dates = Dates must look like 2022-05-05, 22 February 2019 or 05/05/2022; if this file uses another form, load it through the column mapping and choose the date order.
problem-hint-fields = The rows do not have as many columns as the header; the file may use a different separator or have been cut off.
problem-too-few = too few fields (expected { $expected })
problem-too-many = too many fields (expected { $expected })
problem-too-few-found = too few fields (expected { $expected }, found { $found })
problem-too-many-found = too many fields (expected { $expected }, found { $found })
problem-empty-date = the date is empty
problem-unreadable-date = the date did not parse
problem-coordinate = { $column } (not a coordinate, left empty)
problem-empty-count = { $column } (empty, read as 0)
problem-unreadable-count = { $column } (not a whole number, read as 0)
problem-empty-value = (empty)
problem-place-named = line { $line }, column { $column } ({ $name })
problem-place-column = line { $line }, column { $column }
problem-place-line = line { $line }

## Import report: formats, columns, dates and warnings

format-acled-current = ACLED export (current layout)
format-acled-export-tool = ACLED export tool (2019-2021 layout)
format-acled-monadic = ACLED monadic export (one row per actor)
format-acled-legacy = ACLED legacy all-Africa file
format-ucdp-ged = UCDP Georeferenced Event Dataset (GED)
format-mapped = CSV read through a column mapping
column-role-event-id = Event id
column-role-date = Date
column-role-date-end = End date
column-role-time-precision = Date precision
column-role-disorder-type = Disorder type
column-role-event-type = Event type
column-role-sub-event-type = Sub-event type
column-role-actor-1 = Actor (side 1)
column-role-assoc-actor-1 = Associated actors (side 1)
column-role-actor-2 = Actor (side 2)
column-role-assoc-actor-2 = Associated actors (side 2)
column-role-civilian-targeting = Civilian targeting
column-role-country = Country
column-role-admin-1 = Region (admin 1)
column-role-admin-2 = District (admin 2)
column-role-admin-3 = Sub-district (admin 3)
column-role-location = Location
column-role-latitude = Latitude
column-role-longitude = Longitude
column-role-geo-precision = Place precision
column-role-source = Source
column-role-notes = Notes
column-role-fatalities = Fatalities
column-role-fatalities-low = Fatalities (low estimate)
column-role-fatalities-high = Fatalities (high estimate)
column-role-civilian-deaths = Civilian deaths
column-role-year = Year
separator-comma = comma (“,”)
separator-semicolon = semicolon (“;”)
separator-tab = tab
encoding-utf8 = UTF-8
encoding-utf8-bom = UTF-8 with byte-order mark
encoding-utf16le = UTF-16 little-endian
encoding-utf16be = UTF-16 big-endian
encoding-windows1252 = Windows-1252
date-form-iso = year-month-day (2022-05-05)
date-form-year-first = year/month/day (2022/05/05)
date-form-month-name = day, month name, year (22 February 2019, 5-Aug-24)
date-form-day-first = day/month/year (31/12/2019, 31-12-19)
date-form-month-first = month/day/year (12/31/2019)
date-form-excel = Excel serial day numbers (44713 is 2022-06-01)
date-reading = “{ $value }” is { $day }
date-read-as = Read as { $form }.
date-read-as-examples = Read as { $form }: { $examples }.
date-pivot = {" "}Two-digit years up to { $pivot } were read as 20xx, later ones as 19xx (the file has no year column to say).
warning-rows-merged = { $rows } rows repeated an event already read (one row per actor); each event is counted once, with its fatalities once.
warning-no-coordinates = No row has coordinates, so the map stays empty.
warning-uncertain = { $count ->
    [one] { $count } event is
   *[other] { $count } events are
} attributed to “X and/or Y”: the source could not tell which group acted. They count under neither group, but under “X or Y (uncertain)”, unless “Count uncertain attributions under each actor” is ticked.
warning-year-mismatch = { $count ->
    [one] { $count } row has
   *[other] { $count } rows have
} a year column that disagrees with the date read; check the date form above, or the file.
warning-windows-1252 = Line { $line } has a byte that is not UTF-8, and everything before it was plain ASCII, so the file was read as Windows-1252 (accents such as é kept). If names look wrong, save the file as "CSV UTF-8" and load it again.
warning-not-utf8 = From line { $line }, the file has { $count ->
    [one] { $count } byte sequence that is not UTF-8 after text that was, so it mixes encodings; it is shown as �.
   *[other] { $count } byte sequences that are not UTF-8 after text that was, so it mixes encodings; they are shown as �.
} Names with accents may look wrong: save the file as "CSV UTF-8" and load it again.

## Loading errors

load-bundled-failed = The bundled dataset could not be read: { $reason }
load-fallback-bundled = {" "}The bundled dataset is shown instead.
load-fallback-stays = {" "}The dataset on show stays.
load-fetch-failed = Could not load { $url }: the browser could not fetch it ({ $reason }). The address may be wrong or offline, or its server does not allow other sites to read the file (CORS).
load-http-status = Could not load { $url }: the server answered { $status }.
load-remote-unknown-layout = { $url } does not look like an ACLED or UCDP GED export. Download it and open it with “Open your own file” to choose its columns.
load-remote-unreadable = { $url } could not be read: { $reason }
load-broke-off = Could not load { $url }: the download broke off after { $received } ({ $reason }).

## Browser errors (downloads, images, the Excel reader)

dom-download-failed = Could not download { $url }: { $reason }
dom-download-status = Could not download { $url }: the server answered { $status }.
dom-read-failed = Could not read { $url }: { $reason }
dom-file-unreadable = The browser could not read the file: { $reason }
dom-png-failed = The browser could not make a PNG image.
dom-chart-failed = The chart could not be drawn: { $reason }
workbook-not-started = The Excel reader could not be started ({ $reason }). Save the sheet as CSV in Excel (File > Save As > CSV UTF-8) and open that file.
workbook-stopped = The Excel reader stopped on this workbook ({ $reason }). Save the sheet as CSV in Excel (File > Save As > CSV UTF-8) and open that file.
workbook-not-loaded = The Excel reader could not be loaded; check the connection and try again, or save the sheet as CSV in Excel (File > Save As > CSV UTF-8) and open that file.
import-worker-stopped = The importer stopped while reading this file ({ $reason }). The dataset on show stays; try again, and if it stops again, the file may be damaged.
import-worker-stopped-unknown = The importer stopped while reading this file. The dataset on show stays; try again, and if it stops again, the file may be damaged.
load-file-failed = { $name }: { $sentence }
workbook-bad-answer = The Excel reader gave an answer the page could not use. Save the sheet as CSV in Excel (File > Save As > CSV UTF-8) and open that file.
workbook-not-a-workbook = The Excel reader read this file as something other than a workbook. Save the sheet as CSV in Excel and open that file.

## Workbooks and JSON documents: what the events were read from, and why not

list-separator = { "; " }
quoted = “{ $text }”
container-read-sheet-only = Read from sheet “{ $sheet }” of the workbook, its only sheet.
container-read-sheet-others = Read from sheet “{ $sheet }” of the workbook; its other sheets: { $others }.
container-read-json = Read from { $shape }.
json-shape-acled = an ACLED API answer (its "{ $array }" array)
json-shape-ucdp = a UCDP API answer (its "{ $array }" array)
json-shape-array = a JSON array of objects
json-found-object-keys = an object with the keys { $keys }
json-found-object = an object
json-found-bool = a single true or false
json-found-number = a single number
json-found-string = a single string
json-found-null = a single null
json-found-empty = empty
json-found-not-objects = { $shape } whose elements are not objects
json-found-empty-objects = { $shape } whose objects are all empty
json-success-false = "{ $field }" is { $value }
json-not-objects = { $count ->
    [one] { $count } element of the array was not an object and was left out.
   *[other] { $count } elements of the array were not objects and were left out.
}
json-ucdp-one-page = This UCDP API answer holds { $objects } of the { $total } events its query matched: it is one page of the answer. Ask the API for every page (or download the GED as CSV) to read them all.
json-acled-count = This ACLED API answer gives its count as { $count } but holds { $objects } events; it may have been cut short.
sheet-outside-cells = { $count ->
    [one] { $count } cell with values outside the header's columns was left out
   *[other] { $count } cells with values outside the header's columns were left out
} (the first at { $cell }); a column needs a name in the header row to be read.
sheet-lines-differ = Line numbers in this report are not the sheet's row numbers: { $reasons }.
sheet-reason-header = line 1 is the header, on row { $row }
sheet-reason-blank = { $count ->
    [one] { $count } empty row is left out
   *[other] { $count } empty rows are left out
}
sheet-reason-multi-line = a cell with line breaks takes a line for each
container-old-excel = This is an Excel 97-2003 workbook (.xls), an older format EventLens does not read. Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as "CSV UTF-8 (comma delimited)", then drop that file.
container-encrypted = This Excel workbook is protected with a password, so its cells cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook) or save a copy as CSV, then drop that file.
container-damaged = This Excel workbook could not be read ({ $problem }); it may be damaged or not fully downloaded. Download it again, or open it in Excel or LibreOffice and save it as CSV.
container-no-worksheet = This Excel workbook has no visible worksheet with cells (only charts, or hidden sheets). Unhide the sheet with the events, or save it as CSV, then drop that file.
container-sheet-not-found = The workbook has no sheet “{ $sheet }”; its sheets are { $sheets }. Choose one of those.
container-empty-sheet = Sheet “{ $sheet }” of the workbook has no cells with values. Choose the sheet that holds the events, with their column names in its first row.
container-json-syntax = Line { $line }, column { $column }: this JSON file is not valid JSON ({ $problem }); it may not have finished downloading. Download it again.
container-json-shape = This JSON file is { $found }, which holds no events EventLens can find. It reads an ACLED API answer ({ $acled }), a UCDP API answer ({ $ucdp }) or an array of event objects ({ $array }).
container-api-error = This is an ACLED API answer that reports an error instead of events: { $message }. Check the query (key, e-mail address, filters) and ask again.
container-no-objects = This file is { $shape } with no events in it. Check that the query's filters (dates, countries) matched some events, then ask again.
container-too-large = { $kind ->
    [workbook] This workbook is { $size } MB. A workbook has to be read whole, and this page reads up to { $limit } MB that way.
   *[other] This JSON file is { $size } MB. A JSON file has to be read whole, and this page reads up to { $limit } MB that way.
} Save the data as CSV, which is read piece by piece, or export a smaller selection.

## When the page's own code fails

recover-stopped-title = EventLens stopped
recover-stopped = EventLens failed on an internal error ({ $error }) again right after restarting, so it stopped instead of restarting once more. Your data has not been sent anywhere.
recover-stopped-hint = Reload the page to start again, or open the page's address without the settings after “?”. If it keeps happening, please report it with the page's address.
recover-restarted-file = EventLens failed on an internal error ({ $error }) and restarted: your file and the last view that was drawn are back. If it happens again, please report it with the page's address.
recover-restarted = EventLens failed on an internal error ({ $error }) and restarted: the last view that was drawn is back. If it happens again, please report it with the page's address.

## Notices about the link's parameters

link-too-long = The link is longer than { $max } characters; the part after that was ignored.
link-ignored = Ignored { $key }={ $value }: { $why }
link-ignored-empty = Ignored { $key }=: the value is empty.
link-ignored-long = Ignored "{ $key }": its value is longer than { $max } characters.
link-unknown = Ignored unknown parameter "{ $key }".
link-dates-swapped = The start date was after the end date; they were swapped.
link-compare-half = A comparison needs both ca and cb; it was ignored.
link-why-one-of = { $key } is { $values }.
list-or = { $first } or { $last }
link-why-value-long = its value is longer than { $max } characters.
link-why-too-many-values = too many values.
link-why-data = { $key } must be an http(s) address or a path on this site.
link-why-dates = dates are written YYYY-MM-DD.
link-why-months = months are a range like 6-9 (June to September).
link-why-fatalities = fatalities are a whole number.
link-why-too-many-aliases = too many aliases.
link-why-alias-names = an alias needs both names.
link-why-alias-form = an alias is written RAW=>CANONICAL.
link-why-group = not a dimension to group by.
link-why-period = a period is written 2021-06-01..2021-09-30.
link-why-breakdown = a breakdown is by { $values }.

## Map legend and published figures

map-legend-events-per-region = Events per region
map-legend-density = Shade: events per { $cell }-pixel square, darkest { $darkest }
map-legend-colour = Colour: most frequent event type ({ $types }).
map-legend-size = Size: { $title } ({ $sizes }).
published-dates = { $first } to { $last }
published-dates-from = from { $first }
published-dates-to = to { $last }
published-not-stated = not stated
published-months = { $dates }, { $first } to { $last }
published-same = the same
published-fewer = { $count } fewer
published-more = { $count } more
published-reported = { $publication } reported { $value }
published-sentence = { $reported }; this dataset counts { $count } ({ $difference }).
published-sentence-not-counted = { $reported }. Not counted here: { $why }
published-sentence-plain = { $reported }.

## Published figures read as filters

figure-not-events = It counts { $unit }, not conflict events; the filters can only count events.
figure-civilian-deaths = civilian deaths: for ACLED files, all fatalities of events that target civilians; for UCDP GED, deaths_civilians
figure-share = It is a percentage; the filters count events and deaths, not shares or rates of change.
figure-unknown-measure = Its measure "{ $measure }" is not one the filters count.
figure-area = { $area }: the regions (admin 1) { $regions }
figure-same-side = { $one } and { $other } on the same side of an event
figure-many-actors = It names more than two actors; the filters take an actor and one alongside it.

## Legends

aliases-names-label = Actor names in the file
map-colours-label = Point colours: the place's most frequent event type
term-other-types = Other types
term-not-stated = (not stated)

## Hints and labels

bars-hint = Click a bar to filter by it; click again to undo.
published-loading = Loading the published figures…
published-failed = The published figures could not be read: { $reason }
export-download = Download
export-group-label = Download the { $chart }
map-layer-auto = Automatic
map-layer-points = Points
map-layer-regions = Regions
map-layer-density = Density

## Comparison totals

compare-all-events = All events

## Chart text fields

text-field-title = Title
text-field-desc = Description
text-field-notes = Notes
text-field-source = Source

## A second file: another version or another source

second-aria = A second file
second-open-as = Open a second file as
second-as-version = { " " }another version of this data
second-as-source = { " " }another source, side by side
second-button-version = Compare with another version of this data
second-button-source = Set another source beside this one
second-drop-hint = { " " }or drop it here. It is read in your browser and does not replace the dataset on show.
second-close = Close the second file
second-reading = { " " }Reading { $name }: { $read } of { $total }, { $events } events
second-matching = { " " }Matching the events of the two versions: { $percent }%
second-failed = { $name } could not be opened as a second file: { $reason } The dataset on show stays.
second-link-note = A link to this page cannot carry the second file: it was read from your computer, not from an address. Whoever opens the link sees the dataset without it.
second-the-file = the file
second-first-file = first file
second-second-file = second file
versions-no-ids = The { $which ->
    [later] later
   *[earlier] earlier
} file has no event id column (event_id_cnty in ACLED exports, id in UCDP GED), so its events cannot be matched with the other file's. Download both versions with their id column.
versions-different-sources = One file is an ACLED export and the other a UCDP GED file: two different sources, whose ids do not match. Compare them side by side instead of as versions.
versions-title = What changed between the two versions
versions-earlier = Earlier:{ " " }
versions-later = ; later:{ " " }
versions-events-to = { " " }(events to { $date })
versions-swap = Swap earlier and later
versions-added = Added:{ " " }
versions-deleted = Deleted:{ " " }
versions-revised = Revised:{ " " }
versions-first-listed = The first { $listed } of { $count }; the CSV lists them all.
versions-export = Download the changes (CSV)
versions-no-id = (no id)
versions-change = { $field }: { $old } → { $new }
versions-in-this-view = in this view
versions-summary = Events { $scope }: { $earlier } in the earlier file, { $later } in the later one; fatalities: { $earlier_fatalities } and { $later_fatalities }. { $added ->
    [one] { $added } event
   *[other] { $added } events
} added, { $deleted } deleted, { $revised } revised
versions-moved-in = { $count } now in the view
versions-moved-out = { $count } now out of it
versions-unmatched = { $count ->
    [one] { $count } event
   *[other] { $count } events
} without an id could not be matched.
versions-now-in-view = now in the view
versions-now-out-of-view = now out of the view
versions-field-date = date
versions-field-fatalities = fatalities
versions-field-event-type = event type
versions-field-sub-event-type = sub-event type
versions-field-actors = actors
versions-field-location = location
sources-title = Two sources side by side
sources-per = Per
sources-bars-show = Bars show
sources-events = events
sources-fatalities = fatalities
sources-heading-month = Month
sources-heading-year = Year
sources-heading-admin1 = Region (admin 1)
sources-label-month = month
sources-label-year = year
sources-label-admin1 = region (admin 1)
sources-col-events = Events, { $source }
sources-col-fatalities = Fatalities, { $source }
sources-total = Total
sources-footer-note = Each source counts its own events: the two are set side by side, and no event of one is matched with an event of the other.
sources-no-events = No events in either source.
sources-legend-label = Sources
sources-chart-label = Paired bars: the first source over the second for each row; the table below gives the figures
sources-no-column = { $source } has no { $category } column: its figures are not filtered by { $category } ({ $values }).
sources-no-value-none = { $source } has no { $category } called { $values }: its figures are not filtered by { $category }.
sources-no-value-some = { $source } has no { $category } called { $values }: its figures count { $known } only.
sources-or = { " " }or{ " " }
sources-no-civilian = { $source } does not mark civilian targeting: its figures are not filtered by it.
sources-no-actor = No actor of { $source } is known as “{ $actor }”: it counts no events for that actor.
