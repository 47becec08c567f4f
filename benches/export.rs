//! Export time for 100,000 tickets (`BENCH_TICKETS`) from 2,000 pesantren:
//! reading the sheets from the store, writing the .xlsx, writing the CSVs,
//! and a backup of the same store. Median of 3 runs each.
//!
//! `cargo bench --bench export`

use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use opop_bot::content::Content;
use opop_bot::export;
use opop_bot::i18n::Lang;
use opop_bot::records::{Answer, Answers, NewTicket, Profile};
use opop_bot::records::{Ticket, UserRecord};
use opop_bot::store::Store;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let n: usize = std::env::var("BENCH_TICKETS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let content = Content::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let start: Timestamp = "2026-01-05T02:00:00Z".parse().unwrap();
    let regions: Vec<String> = content.regions.names().map(str::to_string).collect();
    for i in 0..2_000i64 {
        let mut answers = Answers::new();
        answers.insert(
            "name".into(),
            Answer::Text(format!("Pondok Pesantren Nurul Huda {i}")),
        );
        answers.insert(
            "region".into(),
            Answer::Region(regions[i as usize % regions.len()].clone()),
        );
        answers.insert("pillar".into(), Answer::Choice("pesantrenpreneur".into()));
        answers.insert(
            "contact_person".into(),
            Answer::Text(format!("Ahmad Fauzi {i}")),
        );
        answers.insert("phone".into(), Answer::Phone(format!("+62812{i:08}")));
        let profile = Profile {
            v: Profile::VERSION,
            user: 10_000 + i,
            answers,
            consent_at: Some(start),
            consent_notice: 1,
            updated_at: start,
        };
        store
            .import_user(&UserRecord::new(10_000 + i, start), Some(&profile))
            .unwrap();
    }
    let categories = ["food", "coffee", "coconut", "fashion", "crafts"];
    for i in 0..n {
        let mut answers = Answers::new();
        answers.insert(
            "name".into(),
            Answer::Text(format!("Kopi Robusta Lereng Kawi {i}")),
        );
        answers.insert("category".into(), Answer::Choice(categories[i % 5].into()));
        answers.insert(
            "description".into(),
            Answer::Text("Kopi robusta petik merah, disangrai dan dikemas oleh santri.".into()),
        );
        answers.insert("photos".into(), Answer::Photos(vec![format!("photo-{i}")]));
        answers.insert(
            "price".into(),
            Answer::Number(25_000 + (i as i64 % 100) * 500),
        );
        answers.insert("capacity".into(), Answer::Number(500));
        answers.insert(
            "certifications".into(),
            Answer::Choices(vec!["halal".into(), "pirt".into()]),
        );
        answers.insert("export".into(), Answer::Yes(false));
        let created = start + SignedDuration::from_mins(i as i64);
        let new = NewTicket {
            prefix: "PRD".into(),
            dialog: "product".into(),
            user: 10_000 + (i as i64 % 2_000),
            chat: 10_000 + (i as i64 % 2_000),
            lang: Lang::Id,
            answers,
            created_at: created,
            region: None,
        };
        store
            .import_ticket(&Ticket::new(format!("PRD-2026-{:06}", i + 1), &new))
            .unwrap();
    }
    store.flush().unwrap();

    let (mut read, mut xlsx, mut csv, mut backup) = (vec![], vec![], vec![], vec![]);
    let mut size = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let sheets = export::sheets(&store, &content, Lang::Id, None).unwrap();
        read.push(t.elapsed());
        let t = Instant::now();
        let bytes = export::xlsx(&sheets).unwrap();
        xlsx.push(t.elapsed());
        size = bytes.len();
        let out = tempfile::tempdir().unwrap();
        let t = Instant::now();
        export::write_csv(&sheets, out.path()).unwrap();
        csv.push(t.elapsed());
        let t = Instant::now();
        let mut sink = std::io::sink();
        store.backup(&mut sink).unwrap();
        backup.push(t.elapsed());
    }
    println!("tickets                 {n} (2,000 pesantren)");
    println!("read the sheets         {:?}", median(read));
    println!(
        "write .xlsx             {:?} ({:.1} MB)",
        median(xlsx),
        size as f64 / 1e6
    );
    println!("write CSV               {:?}", median(csv));
    println!("backup (to a sink)      {:?}", median(backup));
}
