//! One frame: `ui::render` of the reader into a 200x50 `TestBackend`, with
//! an article open and its sidebar filled. Then a key and the frame after
//! it, as the event loop does: `j`/`k` (the next article) and `G`/`g` (the
//! ends of the list), for each store size.
#![allow(clippy::expect_used)]

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use edicola::action::Action;
use edicola::app::App;
use edicola::keymap::Keymap;
use edicola::ui::{render, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;

fn reader(store: &common::BenchStore) -> App {
    let area = Rect::new(0, 0, WIDTH, HEIGHT);
    let mut app = App::new(
        store.open(),
        Keymap::builtin().expect("keymap"),
        false,
        area,
    )
    .expect("app");
    app.idle_work();
    app
}

fn draw(c: &mut Criterion) {
    let stores = common::stores();
    let theme = Theme::new(false);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    let mut group = c.benchmark_group("draw");
    if let Some(smallest) = stores.first() {
        let app = reader(smallest);
        group.bench_function("frame_200x50", |b| {
            b.iter(|| {
                // Render into a cleared buffer, so every cell is written.
                terminal.clear().expect("clear");
                terminal
                    .draw(|frame| render(frame, &app, &theme))
                    .expect("draw");
            })
        });
    }
    for bench in &stores {
        let mut app = reader(bench);
        for (name, keys) in [
            ("key_j_k_frame", [Action::MoveDown, Action::MoveUp]),
            ("key_G_g_frame", [Action::Bottom, Action::Top]),
        ] {
            let mut turn = 0;
            group.bench_function(BenchmarkId::new(name, bench.size), |b| {
                b.iter(|| {
                    turn = 1 - turn;
                    black_box(app.update(keys[turn]));
                    terminal
                        .draw(|frame| render(frame, &app, &theme))
                        .expect("draw");
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, draw);
criterion_main!(benches);
