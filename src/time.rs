//! Time as people read it: Asia/Jakarta (WIB). Storage keeps UTC
//! timestamps; only what a person reads is converted here.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::i18n::Lang;

/// The zone of everything a person reads.
pub fn wib() -> TimeZone {
    TimeZone::get("Asia/Jakarta").expect("Asia/Jakarta is in the bundled tz database")
}

const MONTHS_ID: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "28 Nov 2026" in WIB.
pub fn format_date(t: Timestamp, lang: Lang) -> String {
    let z = t.to_zoned_datetime(wib());
    let months = match lang {
        // Javanese writes the months as Indonesian does.
        Lang::Id | Lang::Jv => MONTHS_ID,
        Lang::En => MONTHS_EN,
    };
    format!(
        "{} {} {}",
        z.day(),
        months[(z.month() - 1) as usize],
        z.year()
    )
}

/// "28 Nov 2026 14:05 WIB".
pub fn format_datetime(t: Timestamp, lang: Lang) -> String {
    let z = t.to_zoned_datetime(wib());
    format!(
        "{} {:02}:{:02} WIB",
        format_date(t, lang),
        z.hour(),
        z.minute()
    )
}

/// The calendar year in WIB (ticket numbers use it).
pub fn year_wib(t: Timestamp) -> i16 {
    t.to_zoned_datetime(wib()).year()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wib_is_utc_plus_seven() {
        let t: Timestamp = "2026-12-31T17:30:00Z".parse().unwrap();
        assert_eq!(format_datetime(t, Lang::Id), "1 Jan 2027 00:30 WIB");
        assert_eq!(year_wib(t), 2027);
        assert_eq!(format_date(t, Lang::En), "1 Jan 2027");
    }
}
