//! The map's play control: steps the date filter through the dataset one
//! time bin at a time (the map and every count follow), with pause and
//! stop (which puts the dates back as they were).

use crate::engine::data::date::Day;
use crate::engine::present::map_play::{play_steps, PlayStep};
use crate::ui::{use_ctx, Ctx};
use leptos::prelude::*;
use std::time::Duration;

/// How long each step stays on screen.
const STEP_TIME: Duration = Duration::from_millis(900);

/// Where the play is: the step on show (`None`: not started or stopped)
/// and whether it moves on by itself.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PlayState {
    pub step: Option<usize>,
    pub playing: bool,
}

/// The handles of a play (all `Copy`).
#[derive(Clone, Copy)]
struct Player {
    ctx: Ctx,
    state: RwSignal<PlayState>,
    steps: StoredValue<Vec<PlayStep>>,
    /// The date filter before the play started, put back by Stop.
    saved: StoredValue<Option<(Option<Day>, Option<Day>)>>,
    /// Bumped on each pause or stop, so a pending tick of an earlier run
    /// does nothing.
    generation: StoredValue<u64>,
}

impl Player {
    fn show(&self, index: usize) {
        let Some(step) = self.steps.with_value(|s| s.get(index).cloned()) else {
            return;
        };
        // A play is one history entry: the first step adds it (Back goes to
        // the view before the play), the next ones replace it.
        if self.state.get_untracked().step.is_some() {
            self.ctx.link_burst.set(true);
        }
        self.ctx.update_filters(|f| {
            f.from = Some(step.from);
            f.to = Some(step.to);
        });
        self.state.update(|s| s.step = Some(index));
    }

    fn play(&self) {
        let mut start = self.state.get_untracked().step;
        if start.is_none() {
            let steps = self.ctx.data.with_value(|d| {
                let l = d.as_ref()?;
                let first = l.store.date.iter().copied().min()?;
                let last = l.store.date.iter().copied().max()?;
                Some(play_steps(
                    first,
                    last,
                    self.ctx.app.with_untracked(|a| a.bin),
                ))
            });
            let steps = steps.unwrap_or_default();
            if steps.is_empty() {
                return;
            }
            self.steps.set_value(steps);
            self.saved
                .set_value(Some(self.ctx.filters.with_untracked(|f| (f.from, f.to))));
            start = Some(0);
        } else if start.is_some_and(|i| i + 1 >= self.steps.with_value(Vec::len)) {
            // At the end: play again from the start.
            start = Some(0);
        }
        self.state.update(|s| s.playing = true);
        self.show(start.unwrap_or(0));
        self.schedule();
    }

    fn schedule(&self) {
        let generation = self.generation.get_value();
        let player = *self;
        set_timeout(move || player.tick(generation), STEP_TIME);
    }

    fn tick(&self, generation: u64) {
        if self.generation.try_get_value() != Some(generation)
            || !self.state.get_untracked().playing
        {
            return;
        }
        let next = self.state.get_untracked().step.map_or(0, |i| i + 1);
        if next < self.steps.with_value(Vec::len) {
            self.show(next);
            self.schedule();
        } else {
            self.state.update(|s| s.playing = false);
        }
    }

    fn pause(&self) {
        self.generation.update_value(|g| *g += 1);
        self.state.update(|s| s.playing = false);
    }

    fn stop(&self) {
        self.pause();
        if let Some((from, to)) = self.saved.get_value() {
            self.ctx.update_filters(|f| {
                f.from = from;
                f.to = to;
            });
        }
        self.saved.set_value(None);
        self.state.set(PlayState::default());
    }
}

/// Play / Pause and Stop, with the period on show; the group's
/// `data-play-step` is the step on show (from 0) and `data-playing` whether
/// it moves on.
#[component]
pub fn PlayControl(
    /// The play's state, read by the map (it holds its view while playing).
    state: RwSignal<PlayState>,
) -> impl IntoView {
    let player = Player {
        ctx: use_ctx(),
        state,
        steps: StoredValue::new(Vec::new()),
        saved: StoredValue::new(None),
        generation: StoredValue::new(0),
    };
    let label = move || {
        let step = state.get().step?;
        player
            .steps
            .with_value(|s| s.get(step).map(|s| s.label.clone()))
    };
    view! {
        <div
            class="controls map-play"
            role="group"
            aria-label=crate::t!("play-label")
            data-play-step=move || state.get().step.map(|i| i.to_string()).unwrap_or_default()
            data-playing=move || state.get().playing.to_string()
        >
            <button on:click=move |_| {
                if state.get_untracked().playing { player.pause() } else { player.play() }
            }>
                {move || if state.get().playing { crate::t!("play-pause") } else { crate::t!("play-play") }}
            </button>
            <button
                disabled=move || state.get().step.is_none()
                on:click=move |_| player.stop()
            >
                {crate::t!("play-stop")}
            </button>
            <span class="muted small" aria-live="polite" data-testid="map-play-label">{label}</span>
        </div>
    }
}
