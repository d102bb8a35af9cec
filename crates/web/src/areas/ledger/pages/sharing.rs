//! A shared cost's rule as the spending form sends it: equally, by the
//! hours of support each person had, or by fixed whole-number shares. The
//! rule is kept with the entry, so each person's statement shows their
//! share of the whole.

use cylch_ledger::{PersonId, SplitRule};

/// A shared cost's people, rule and each person's hours or share, as
/// typed. The spending and claim forms both have these fields, named with
/// a prefix of their own ("" and "claim_").
#[derive(Debug, Default, Clone)]
pub struct TypedSplit {
    /// The people ticked.
    pub shared_with: Vec<String>,
    /// `equally`, `hours` or `weights`.
    pub rule: String,
    /// Each person's hours or share, in the order of `share_for`.
    share_for: Vec<String>,
    share: Vec<String>,
}

impl TypedSplit {
    /// Takes `key` if it is one of the split's fields under `prefix`.
    pub fn take(&mut self, prefix: &str, key: &str, value: &str) -> bool {
        let value = value.to_owned();
        match key.strip_prefix(prefix) {
            Some("shared_with") => self.shared_with.push(value),
            Some("split_rule") => self.rule = value,
            Some("share_for") => self.share_for.push(value),
            Some("share") => self.share.push(value),
            _ => return false,
        }
        true
    }

    /// The hours or share typed for a person, as typed, to keep it when the
    /// form comes back.
    pub fn share_of(&self, person: &str) -> &str {
        self.share_for
            .iter()
            .position(|p| p.trim() == person)
            .and_then(|i| self.share.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The rule these fields describe, or the message saying what to put
    /// right.
    pub fn rule(&self) -> Result<SplitRule, &'static str> {
        let people: Vec<PersonId> = self
            .shared_with
            .iter()
            .map(|p| PersonId::new(p.trim()))
            .collect::<Result<_, _>>()
            .map_err(|_| "ledger-split-choose-people")?;
        if people.len() < 2 {
            return Err("ledger-split-choose-people");
        }
        let share_of = |person: &PersonId| self.share_of(person.as_str()).trim();
        match self.rule.trim() {
            "" | "equally" => Ok(SplitRule::Equally { people }),
            "hours" => {
                let minutes = people
                    .into_iter()
                    .map(|p| {
                        let m = minutes(share_of(&p)).ok_or("ledger-split-enter-hours")?;
                        Ok((p, m))
                    })
                    .collect::<Result<_, &'static str>>()?;
                Ok(SplitRule::ByMinutes { minutes })
            }
            "weights" => {
                let weights = people
                    .into_iter()
                    .map(|p| {
                        let w = share_of(&p)
                            .parse::<u32>()
                            .ok()
                            .filter(|w| *w > 0)
                            .ok_or("ledger-split-enter-weights")?;
                        Ok((p, w))
                    })
                    .collect::<Result<_, &'static str>>()?;
                Ok(SplitRule::ByWeights { weights })
            }
            _ => Err("ledger-split-choose-rule"),
        }
    }
}

/// Hours written as people write them ("3", "3.5", "1.25") as whole
/// minutes, rounded to the nearest; none for nothing, or for more than a
/// year's worth.
fn minutes(raw: &str) -> Option<u32> {
    let (whole, fraction) = raw.split_once('.').unwrap_or((raw, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || fraction.len() > 2
    {
        return None;
    }
    let hours: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let hundredths: u32 = format!("{fraction:0<2}").parse().ok()?;
    let total = hours
        .checked_mul(60)?
        .checked_add(hundredths.checked_mul(60)?.checked_add(50)? / 100)?;
    (total > 0 && total <= 366 * 24 * 60).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields as the form sends them, read as the form reads them.
    fn rule(
        ticked: &[String],
        rule: &str,
        share_for: &[String],
        shares: &[String],
    ) -> Result<SplitRule, &'static str> {
        TypedSplit {
            shared_with: ticked.to_vec(),
            rule: rule.to_owned(),
            share_for: share_for.to_vec(),
            share: shares.to_vec(),
        }
        .rule()
    }

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn hours_are_read_as_minutes() {
        assert_eq!(minutes("3"), Some(180));
        assert_eq!(minutes("3.5"), Some(210));
        assert_eq!(minutes("1.25"), Some(75));
        assert_eq!(minutes(".5"), Some(30));
        for bad in ["", ".", "0", "0.0", "-1", "2,5", "three", "1.234", "9000"] {
            assert_eq!(minutes(bad), None, "{bad}");
        }
    }

    #[test]
    fn each_rule_from_the_form() {
        let ticked = ids(&["ann", "bob"]);
        let every = ids(&["ann", "bob", "cai"]);
        assert_eq!(
            rule(&ticked, "", &every, &ids(&["", "", ""])),
            Ok(SplitRule::Equally {
                people: vec![PersonId::new("ann").unwrap(), PersonId::new("bob").unwrap()]
            })
        );
        // Shares are read by person, whatever order the form sent them in.
        assert_eq!(
            rule(
                &ticked,
                "hours",
                &ids(&["cai", "bob", "ann"]),
                &ids(&["9", "1", "2.5"])
            ),
            Ok(SplitRule::ByMinutes {
                minutes: vec![
                    (PersonId::new("ann").unwrap(), 150),
                    (PersonId::new("bob").unwrap(), 60)
                ]
            })
        );
        assert_eq!(
            rule(&ticked, "weights", &every, &ids(&["2", "1", ""])),
            Ok(SplitRule::ByWeights {
                weights: vec![
                    (PersonId::new("ann").unwrap(), 2),
                    (PersonId::new("bob").unwrap(), 1)
                ]
            })
        );
        assert_eq!(
            rule(&ticked, "weights", &every, &ids(&["2", "", "1"])),
            Err("ledger-split-enter-weights")
        );
        assert_eq!(
            rule(&ticked, "hours", &every, &ids(&["2", "0", ""])),
            Err("ledger-split-enter-hours")
        );
        assert_eq!(
            rule(&ids(&["ann"]), "", &every, &ids(&["", "", ""])),
            Err("ledger-split-choose-people")
        );
        assert_eq!(
            rule(&ticked, "by-age", &every, &ids(&["", "", ""])),
            Err("ledger-split-choose-rule")
        );
    }
}

/// How a shared cost was split, from one person's side: "1.5 of 4 hours of
/// support", "1 of 3 shares", "equally between 2 people".
pub fn describe(
    state: &crate::AppState,
    language: cylch_domain::Language,
    rule: &SplitRule,
    person: &PersonId,
) -> String {
    use fluent_bundle::{FluentArgs, FluentValue};
    let mut args = FluentArgs::new();
    let mine_of = |pairs: &[(PersonId, u32)]| {
        let mine = pairs
            .iter()
            .find(|(p, _)| p == person)
            .map(|(_, n)| u64::from(*n))
            .unwrap_or(0);
        let total = pairs.iter().map(|(_, n)| u64::from(*n)).sum::<u64>();
        (mine, total)
    };
    let id = match rule {
        SplitRule::Equally { people } => {
            args.set("count", FluentValue::from(people.len()));
            "ledger-split-was-equal"
        }
        SplitRule::ByMinutes { minutes } => {
            let (mine, total) = mine_of(minutes);
            args.set("mine", FluentValue::from(hours(mine)));
            args.set("total", FluentValue::from(hours(total)));
            "ledger-split-was-hours"
        }
        SplitRule::ByWeights { weights } => {
            let (mine, total) = mine_of(weights);
            args.set("mine", FluentValue::from(mine.to_string()));
            args.set("total", FluentValue::from(total.to_string()));
            "ledger-split-was-weights"
        }
        SplitRule::ByBasisPoints { shares } => {
            let (mine, _) = mine_of(shares);
            args.set(
                "percent",
                FluentValue::from(format!("{}.{:02}", mine / 100, mine % 100)),
            );
            "ledger-split-was-percent"
        }
    };
    state.i18n.format(language, id, Some(&args))
}

/// Minutes as hours the way people write them: 90 is "1.5", 180 is "3".
fn hours(minutes: u64) -> String {
    let whole = minutes / 60;
    let hundredths = (minutes % 60 * 100 + 30) / 60;
    match hundredths {
        0 => whole.to_string(),
        100 => (whole + 1).to_string(),
        h if h % 10 == 0 => format!("{whole}.{}", h / 10),
        h => format!("{whole}.{h:02}"),
    }
}

#[cfg(test)]
mod hours_tests {
    #[test]
    fn minutes_read_as_hours() {
        for (minutes, text) in [
            (180, "3"),
            (90, "1.5"),
            (75, "1.25"),
            (20, "0.33"),
            (0, "0"),
        ] {
            assert_eq!(super::hours(minutes), text, "{minutes}");
        }
    }
}
