//! Playing the map through time: the steps (one time bin each) from the
//! dataset's first date to its last, as date ranges to set the filter to;
//! the places Tab moves through on the map and the one Enter opens.

use crate::engine::data::date::{Bin, Day};
use crate::engine::present::map::MapView;
use crate::engine::query::MapPoint;

/// Steps played at most: finer bins over a long span are coarsened.
pub const MAX_STEPS: usize = 240;

/// One step of the play: the date filter's range and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct PlayStep {
    pub from: Day,
    pub to: Day,
    pub label: String,
}

/// The steps from `first` to `last` (inclusive) by `bin`: days and weeks
/// play by month (a day is too short to see), and a bin giving more than
/// [`MAX_STEPS`] steps is coarsened to the next that does not.
pub fn play_steps(first: Day, last: Day, bin: Bin) -> Vec<PlayStep> {
    if first > last {
        return Vec::new();
    }
    // Index into Bin::ALL of the finest bin played.
    let start = match bin {
        Bin::Day | Bin::Week | Bin::Month => 2,
        Bin::Quarter => 3,
        Bin::Year => 4,
        // One step a season (a year apart): the months window stays set,
        // so each step shows just that season's months.
        Bin::Season { .. } => usize::MAX,
    };
    let bin = Bin::ALL
        .get(start..)
        .unwrap_or_default()
        .iter()
        .copied()
        // Steps are one more than the bins between first and last.
        .find(|b| ((b.index(last) - b.index(first)) as usize) < MAX_STEPS)
        .unwrap_or(if start == usize::MAX { bin } else { Bin::Year });
    (bin.index(first)..=bin.index(last))
        .map(|i| PlayStep {
            from: bin.start(i),
            to: bin.start(i + 1) - 1,
            label: bin.label(i),
        })
        .collect()
}

/// The busiest place whose point is on the canvas (most events, then the
/// lowest place code): what Enter opens on the map when no place is
/// selected.
pub fn busiest_in_view(points: &[MapPoint], view: &MapView) -> Option<u32> {
    top_in_view(points, view, 1).first().map(|p| p.place)
}

/// The `n` busiest places whose point is on the canvas, most events first
/// (then the lowest place code): the places Tab moves through on the map.
pub fn top_in_view<'a>(points: &'a [MapPoint], view: &MapView, n: usize) -> Vec<&'a MapPoint> {
    let order = |a: &&MapPoint, b: &&MapPoint| b.events.cmp(&a.events).then(a.place.cmp(&b.place));
    let mut top: Vec<&MapPoint> = Vec::with_capacity(n + 1);
    for p in points {
        // Most places are not among the top: compare before projecting.
        if top.len() == n && top.last().is_none_or(|last| order(&p, last).is_ge()) {
            continue;
        }
        let (x, y) = view.point_to_screen(p);
        if !(x >= 0.0 && y >= 0.0 && x <= view.width && y <= view.height) {
            continue;
        }
        let at = top.partition_point(|q| order(q, &p).is_lt());
        top.insert(at, p);
        top.truncate(n);
    }
    top
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::date::{format_iso, from_ymd};

    fn day(y: i32, m: u32, d: u32) -> Day {
        from_ymd(y, m, d).unwrap_or_else(|| panic!("bad date"))
    }

    fn ranges(steps: &[PlayStep]) -> Vec<(String, String, String)> {
        steps
            .iter()
            .map(|s| (format_iso(s.from), format_iso(s.to), s.label.clone()))
            .collect()
    }

    #[test]
    fn seasons_step_a_year_at_a_time_from_their_first_month() {
        let rainy = Bin::Season { first: 6, last: 9 };
        let steps = play_steps(day(2021, 7, 1), day(2022, 8, 31), rainy);
        assert_eq!(
            ranges(&steps),
            [
                ("2021-06-01".into(), "2022-05-31".into(), "2021".into()),
                ("2022-06-01".into(), "2023-05-31".into(), "2022".into()),
            ]
        );
    }

    #[test]
    fn months_from_the_first_date_to_the_last() {
        let steps = play_steps(day(2023, 1, 15), day(2023, 3, 2), Bin::Month);
        let want = [
            ("2023-01-01", "2023-01-31", "2023-01"),
            ("2023-02-01", "2023-02-28", "2023-02"),
            ("2023-03-01", "2023-03-31", "2023-03"),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(ranges(&steps), want);
        // Days play by month too.
        assert_eq!(
            play_steps(day(2023, 1, 15), day(2023, 3, 2), Bin::Day),
            steps
        );
        // Quarters.
        let q = play_steps(day(2022, 12, 31), day(2023, 1, 1), Bin::Quarter);
        assert_eq!(q.len(), 2);
        assert_eq!(
            (format_iso(q[1].from), format_iso(q[1].to)),
            ("2023-01-01".into(), "2023-03-31".into())
        );
        assert!(play_steps(day(2023, 2, 1), day(2023, 1, 1), Bin::Month).is_empty());
    }

    #[test]
    fn long_spans_are_coarsened() {
        // 1997-2024: 336 months, over 240; 112 quarters.
        let steps = play_steps(day(1997, 1, 1), day(2024, 12, 31), Bin::Month);
        assert_eq!(steps.len(), 112);
        assert_eq!(steps[0].label, "1997-Q1");
    }

    #[test]
    fn enter_opens_the_busiest_place_in_sight() {
        let view = MapView::degree_per_pixel();
        let point = |place, lon, events| MapPoint {
            place,
            lat: 0.0,
            lon,
            plane_y: 0.0,
            events,
            fatalities: 0,
            event_type: 0,
        };
        // Place 9 is busiest but off the canvas (x 250); 4 and 2 tie at 5.
        let points = [
            point(9, 150.0, 50),
            point(4, 10.0, 5),
            point(2, -10.0, 5),
            point(1, 0.0, 1),
        ];
        assert_eq!(busiest_in_view(&points, &view), Some(2));
        assert_eq!(busiest_in_view(&points[..1], &view), None);
        let places = |n| -> Vec<u32> {
            top_in_view(&points, &view, n)
                .iter()
                .map(|p| p.place)
                .collect()
        };
        assert_eq!(places(2), [2, 4]);
        assert_eq!(places(10), [2, 4, 1]);
        assert!(places(0).is_empty());
    }

    #[test]
    fn tab_reaches_the_busiest_places_in_sight_in_order() {
        // 1 px per degree on a 200 x 100 canvas: longitudes -100..100 in sight.
        let view = MapView::degree_per_pixel();
        // Place i at longitude 3i - 150 with (i * 37) % 101 events: a
        // shuffled order; those at longitudes under -100 are out of sight.
        let points: Vec<MapPoint> = (0..100u32)
            .map(|i| MapPoint {
                place: i,
                lat: 0.0,
                lon: 3.0 * i as f32 - 150.0,
                plane_y: 0.0,
                events: (i * 37) % 101,
                fatalities: 0,
                event_type: 0,
            })
            .collect();
        // The reference: filter, sort everything, take the first 12.
        let mut want: Vec<&MapPoint> = points
            .iter()
            .filter(|p| (-100.0..=100.0).contains(&p.lon))
            .collect();
        want.sort_by(|a, b| b.events.cmp(&a.events).then(a.place.cmp(&b.place)));
        want.truncate(12);
        let got = top_in_view(&points, &view, 12);
        assert_eq!(got, want);
        assert_eq!(got.len(), 12);
        assert!(got.windows(2).all(|w| w[0].events >= w[1].events));
    }
}
