//! Engine and store micro-benchmarks (issue 8): one engine step, one store
//! transaction with and without the flush, the daily digest over 100,000
//! tickets, and start-up (store open + content) with 100,000 tickets.
//!
//! `cargo bench --bench engine`

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use jiff::Timestamp;
use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::dialog::{self, Context, Lookup, PrivacyFacts};
use opop_bot::event::{Delivery, Event, EventKind, Role};
use opop_bot::i18n::Lang;
use opop_bot::records::UserRecord;
use opop_bot::records::{Session, Ticket, TicketSummary};
use opop_bot::staff::digest;
use opop_bot::store::Store;

#[path = "support/big.rs"]
mod big;
use big::{big_store, now, profile};

struct NoTickets;

impl Lookup for NoTickets {
    fn tickets_of(&self, _: i64) -> Vec<TicketSummary> {
        Vec::new()
    }
    fn ticket(&self, _: &str) -> Option<Ticket> {
        None
    }
    fn privacy(&self, _: i64) -> PrivacyFacts {
        PrivacyFacts::default()
    }
}

fn event(kind: EventKind) -> Event {
    Event {
        user: 1001,
        chat: 1001,
        language_code: Some("id".into()),
        first_name: Some("Siti".into()),
        kind,
        now: now(),
        reply_to: None,
        formatted: None,
    }
}

fn engine_step(c: &mut Criterion) {
    let content = Content::embedded().unwrap();
    let profile = profile();
    let ctx = Context {
        content: &content,
        faq: &content.faq,
        role: Role::User,
        chosen_lang: None,
        profile: Some(&profile),
        lookup: &NoTickets,
    };
    // A session waiting for the product's name.
    let start = dialog::handle(
        &ctx,
        Session::default(),
        &event(EventKind::Command {
            name: "produk".into(),
            args: String::new(),
        }),
    )
    .session;
    let answer = event(EventKind::Text("Kopi Arabika Ijen".into()));
    c.bench_function("engine_step_form_answer", |b| {
        b.iter(|| black_box(dialog::handle(&ctx, black_box(start.clone()), &answer)))
    });
}

fn store_transaction(c: &mut Criterion) {
    let content = Content::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let profile = profile();
    let ctx = Context {
        content: &content,
        faq: &content.faq,
        role: Role::User,
        chosen_lang: None,
        profile: Some(&profile),
        lookup: &NoTickets,
    };
    let outcome = dialog::handle(
        &ctx,
        Session::default(),
        &event(EventKind::Command {
            name: "produk".into(),
            args: String::new(),
        }),
    );
    let user = UserRecord::new(1001, now());
    let mut update = 0i64;
    let mut group = c.benchmark_group("store_apply");
    group.bench_function("with_flush", |b| {
        b.iter(|| {
            update += 1;
            let applied = Delivery::new(event(EventKind::Text(String::new()))).with_update(update);
            black_box(store.apply(&applied, &user, &outcome).unwrap())
        })
    });
    group.bench_function("without_flush", |b| {
        b.iter(|| {
            update += 1;
            let applied = Delivery::new(event(EventKind::Text(String::new()))).with_update(update);
            black_box(store.apply_unflushed(&applied, &user, &outcome).unwrap())
        })
    });
    group.finish();
}

fn big(c: &mut Criterion) {
    let content = Content::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = big_store(dir.path(), &content);
    let config = Config::default();
    let at: Timestamp = "2026-12-20T00:30:00Z".parse().unwrap();
    let mut group = c.benchmark_group("100k_tickets");
    group.sample_size(10);
    group.bench_function("digest_gather_and_compose", |b| {
        b.iter(|| {
            let data = digest::gather(&store, &config, at, None).unwrap();
            black_box(digest::compose(&content, Lang::Id, &data))
        })
    });
    drop(store);
    group.bench_function("startup_open_store_and_content", |b| {
        b.iter(|| {
            let content = Content::embedded().unwrap();
            let store = Store::open(dir.path()).unwrap();
            black_box(App::new(content, store, Config::default()))
        })
    });
    group.finish();
}

criterion_group!(benches, engine_step, store_transaction, big);
criterion_main!(benches);
