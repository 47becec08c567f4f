//! The desk's queue over 100,000 tickets (issue 17: a filtered first page
//! in under 50 ms): the index selection alone, and the whole page served
//! over HTTP (session checked, 25 tickets and their pesantren opened, the
//! page rendered), filtered by region. Also the index loaded into memory
//! on the first request after a start.
//!
//! `cargo bench --bench desk`

#[path = "support/big.rs"]
mod big;

use std::sync::Arc;

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::store::Store;
use opop_bot::web::queue::{Filter, select};

const TOKEN: &str = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef012";
const STAFF: i64 = 9101;

struct NoPhotos;

impl opop_bot::web::photos::Fetch for NoPhotos {
    fn fetch<'a>(
        &'a self,
        _: &'a str,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Vec<u8>, String>> + Send + 'a>>
    {
        Box::pin(async { Err("no photos here".to_string()) })
    }
}

fn desk(c: &mut Criterion) {
    let content = Content::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    drop(big::big_store(dir.path(), &content));
    let now = jiff::Timestamp::now();
    let region = Filter {
        region: Some("Kota Surabaya".into()),
        ..Filter::default()
    };

    let mut group = c.benchmark_group("desk_100k_tickets");
    group.sample_size(20);
    group.bench_function("index_loaded_after_start", |b| {
        b.iter(|| {
            let store = Store::open(dir.path()).unwrap();
            black_box(store.facets().unwrap().len())
        })
    });

    let store = Store::open(dir.path()).unwrap();
    let facets = store.facets().unwrap();
    group.bench_function("select_first_page_by_region", |b| {
        b.iter(|| black_box(select(&facets, &region, STAFF, now, &mut |_, _| true).total))
    });
    drop(facets);

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mut config = Config::default();
    config.roles.staff = vec![STAFF];
    config.web.listen = Some("127.0.0.1:0".into());
    config.web.public_url = Some(base.clone());
    let app = Arc::new(App::new(content, store, config));
    let desk = opop_bot::web::Desk::new(app, TOKEN, "opop_bot", Arc::new(NoPhotos)).unwrap();
    let (_stop, stopping) = tokio::sync::watch::channel(false);
    runtime.spawn(opop_bot::web::serve(Arc::new(desk), listener, stopping));
    let keys = opop_bot::web::auth::Keys::new(TOKEN);
    let session = opop_bot::web::auth::Session::new(STAFF, i64::MAX / 4, "bench").named("Budi");
    let cookie = format!("opop_desk={}", session.cookie(&keys));
    let client = reqwest::Client::new();
    let url = format!("{base}/desk/queue?region=Kota+Surabaya");
    let get = || async {
        let r = client
            .get(&url)
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
        r.text().await.unwrap().len()
    };
    // The first request loads the index; then every page comes from it.
    eprintln!("a queue page: {} bytes", runtime.block_on(get()));
    group.bench_function("queue_page_by_region_over_http", |b| {
        b.iter(|| black_box(runtime.block_on(get())))
    });
    group.finish();
}

criterion_group!(benches, desk);
criterion_main!(benches);
