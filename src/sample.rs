//! Realistic, deterministic sample data for tests and benchmarks: a LinkedIn-sized network whose
//! names, companies and roles vary like a real export's. Never shipped into a user's store.

use crate::model::{Contact, Id, Relationship, Score, Source, Stamp};

const FIRST: &[&str] = &[
    "Ana", "Bram", "Chloé", "Daan", "Emma", "Farah", "Gustavo", "Hana", "Ivan", "Júlia", "Kofi", "Lena", "Mateo",
    "Nadia", "Olu", "Priya", "Quinn", "Rafael", "Sofia", "Tomás", "Uma", "Viktor", "Wen", "Xavier", "Yara", "Zoë",
    "Aisha", "Björn", "Carmen", "Dmitri", "Elif", "Finn", "Grace", "Hugo", "Ingrid", "Jonas", "Kenji", "Lucía",
    "Marek", "Noor", "Oscar", "Paula", "Rahul", "Sven", "Tanvi", "Ugo", "Vera", "Willem",
];
const LAST: &[&str] = &[
    "de Vries",
    "Jansen",
    "Ólafsson",
    "García",
    "Nguyen",
    "Okafor",
    "Kowalski",
    "Müller",
    "Rossi",
    "Silva",
    "Haddad",
    "Chen",
    "Kumar",
    "Papadopoulos",
    "Novak",
    "O'Brien",
    "Andersen",
    "Bakker",
    "Yılmaz",
    "Tanaka",
    "Fernández",
    "Visser",
    "Smith",
    "Dubois",
    "Ivanova",
    "Mensah",
    "Lindqvist",
    "Costa",
    "Hernández",
    "Kim",
];
const COMPANY: &[&str] = &[
    "Maersk",
    "Port of Rotterdam",
    "DHL Supply Chain",
    "Booking.com",
    "ASML",
    "Philips",
    "Coolblue",
    "Adyen",
    "Heineken",
    "Unilever",
    "ING",
    "Rabobank",
    "KLM",
    "Picnic",
    "bol.com",
    "Shell",
    "Ahold Delhaize",
    "Randstad",
    "TomTom",
    "Mollie",
    "Elastic",
    "Just Eat Takeaway",
    "Albert Heijn",
    "PostNL",
    "Damen Shipyards",
    "Van Oord",
    "Boskalis",
    "Vopak",
    "Kuehne+Nagel",
    "Geodis",
    "CEVA Logistics",
    "Flexport",
    "Stripe",
    "Spotify",
    "Zalando",
    "Siemens",
    "Bosch",
    "SAP",
    "Nokia",
    "Ericsson",
];
const ROLE: &[&str] = &[
    "Operations Analyst",
    "Senior Operations Manager",
    "Supply Chain Planner",
    "Data Analyst",
    "Software Engineer",
    "Product Manager",
    "Recruiter",
    "Talent Acquisition Partner",
    "Head of Logistics",
    "Finance Business Partner",
    "UX Designer",
    "Engineering Manager",
    "Customer Success Lead",
    "Procurement Specialist",
    "Account Executive",
    "HR Business Partner",
    "Director of Operations",
    "Warehouse Manager",
    "Business Intelligence Developer",
    "Project Manager",
];
const INDUSTRY: &[&str] = &[
    "Logistics",
    "Technology",
    "Finance",
    "Retail",
    "Energy",
    "Manufacturing",
    "Staffing",
];
const LOCATION: &[&str] = &[
    "Rotterdam",
    "Amsterdam",
    "Utrecht",
    "Eindhoven",
    "The Hague",
    "Antwerp",
    "Hamburg",
    "London",
    "Berlin",
    "Remote",
];
const NOTE: &[&str] = &[
    "Met at the ProMat meetup; talked about slotting optimisation.",
    "Helped me prepare for the Six Sigma exam. Loves cycling.",
    "Moved from planning to procurement last year; open to coffee.",
    "Ex-teammate from the 2019 WMS migration.",
];

/// A small xorshift generator: deterministic across platforms, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// `n` contacts shaped like a LinkedIn export with a minority of hand-enriched entries.
pub fn contacts(n: usize, seed: u64) -> Vec<Contact> {
    let mut rng = Rng::new(seed);
    let start = 1_640_995_200_000i64; // 2022-01-01
    (0..n)
        .map(|i| {
            let first = rng.pick(FIRST);
            let last = rng.pick(LAST);
            let id = Id::from_u128(u128::from(rng.next_u64()) << 64 | u128::from(rng.next_u64()));
            let when = Stamp::from_millis(start + (rng.below(1_000) as i64) * 86_400_000);
            let mut c = Contact::new(id, format!("{first} {last}"), when);
            c.company = rng.pick(COMPANY).to_string();
            c.role = rng.pick(ROLE).to_string();
            let slug: String = format!("{first}-{last}")
                .to_lowercase()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            c.profile_url = format!("https://www.linkedin.com/in/{slug}-{:x}", rng.next_u64() % 0xfff_ffff);
            c.source = Source::Imported {
                file: "Connections.csv".into(),
                batch: None,
            };
            if rng.chance(30) {
                c.email = format!("{}.{}{}@example.com", first.to_lowercase(), i % 97, rng.below(100));
            }
            if rng.chance(40) {
                c.location = rng.pick(LOCATION).to_string();
                c.industry = rng.pick(INDUSTRY).to_string();
            }
            if rng.chance(8) {
                c.phone = format!("+31 6 {:08}", rng.next_u64() % 100_000_000);
                c.relationship = Relationship::ALL[1 + rng.below(Relationship::ALL.len() - 1)];
                c.know = Score::new(1 + rng.below(4) as u8);
                c.like = Score::new(1 + rng.below(4) as u8);
                c.trust = Score::new(1 + rng.below(4) as u8);
                c.knows_my_work = rng.chance(50);
                c.notes = rng.pick(NOTE).to_string();
                c.tags = vec![rng.pick(INDUSTRY).to_lowercase()];
                c.shared = vec!["Same team at the 2019 warehouse migration".into()];
                c.updated = Stamp::from_millis(when.millis() + 86_400_000);
            }
            c
        })
        .collect()
}
