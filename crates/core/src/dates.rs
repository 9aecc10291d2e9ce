//! Month and weekday names, shared by the stages that recognise dates
//! (boilerplate timestamps, glued datelines, summary dateline skipping, time
//! phrases in proposals and facts).

/// Full month names, lower case.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month abbreviations, lower case, without a period.
pub const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Full weekday names, lower case.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True for a lower-case month name or abbreviation ("may", "sept").
pub fn is_month(lower: &str) -> bool {
    MONTHS.contains(&lower) || MONTH_ABBREVIATIONS.contains(&lower)
}

/// True for a lower-case full weekday name.
pub fn is_weekday(lower: &str) -> bool {
    WEEKDAYS.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays() {
        assert!(is_month("may") && is_month("sept") && is_month("december"));
        assert!(!is_month("monday") && !is_month("mayor"));
        assert!(is_weekday("tuesday") && !is_weekday("tue"));
    }
}
