//! The indicators' charts as data: for each, its title, its categories and series (which the app
//! draws as SVG bars), and the same numbers as a table, which is shown next to the drawing for
//! screen readers and for whoever prefers to read numbers. Labels stay typed ([`Label`]) until
//! the screen puts them in its language (`words`).

use crate::calendar::LocalDate;

use super::Indicators;

/// Which chart: a stable key for the app's ids and tests, and the title's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    /// From the doors in scope to the sign-ups.
    DoorFunnel,
    /// Every door by its state.
    DoorStates,
    /// Wellbeing answers per week, one series per face.
    WellbeingOverTime,
    PartnerContactsByTheme,
    ReferralsByStatus,
    /// Kiosk sign-ups, unanswered questions, ideas and votes for the shared space.
    KioskAndSharedSpace,
    /// The anonymous five-face answers given at the lobby kiosk, by face (kept apart from the
    /// doors' answers: who answers a kiosk is not who opens a door).
    KioskWellbeing,
}

impl ChartId {
    pub const ALL: [ChartId; 7] = [
        ChartId::DoorFunnel,
        ChartId::DoorStates,
        ChartId::WellbeingOverTime,
        ChartId::PartnerContactsByTheme,
        ChartId::ReferralsByStatus,
        ChartId::KioskAndSharedSpace,
        ChartId::KioskWellbeing,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ChartId::DoorFunnel => "door_funnel",
            ChartId::DoorStates => "door_states",
            ChartId::WellbeingOverTime => "wellbeing_over_time",
            ChartId::PartnerContactsByTheme => "partner_contacts_by_theme",
            ChartId::ReferralsByStatus => "referrals_by_status",
            ChartId::KioskAndSharedSpace => "kiosk_and_shared_space",
            ChartId::KioskWellbeing => "kiosk_wellbeing",
        }
    }
}

/// How the series are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One bar per category (a single series).
    Bars,
    /// One bar per category, cut into one segment per series.
    StackedBars,
}

/// A door's state, as the charts and exports name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    NotVisited,
    Absent,
    Refused,
    Interested,
    SignedUp,
    ComeBack,
    DoNotDisturb,
    Inaccessible,
}

/// What a category, a series or a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    DoorsInScope,
    Knocked,
    Opened,
    SignUps,
    Doors,
    DoorState,
    State(State),
    /// The week starting on this Monday.
    WeekOf(LocalDate),
    Week,
    /// A wellbeing face, 1 (very bad) to 5 (very good).
    Face(u8),
    Answers,
    /// A theme or a status as its module writes it on the wire; the app shows that module's
    /// label for it (the raw key until then).
    Key(&'static str),
    Theme,
    Status,
    Contacts,
    Referrals,
    KioskSignUps,
    UnansweredQuestions,
    Ideas,
    Votes,
    What,
    Count,
    /// The heading of the kiosk faces' column.
    Feeling,
    /// The headings of the ideas' table.
    Idea,
    Residence,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub name: Label,
    /// One value per category, in the categories' order.
    pub values: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub id: ChartId,
    pub shape: Shape,
    /// What the categories are: the heading of the table's first column.
    pub category_heading: Label,
    pub categories: Vec<Label>,
    pub series: Vec<Series>,
}

/// The table alternative: a heading row, then one row per category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Label>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub head: Label,
    pub cells: Vec<u32>,
}

impl Chart {
    /// The same numbers as rows (categories) and columns (series).
    pub fn table(&self) -> Table {
        let columns = std::iter::once(self.category_heading)
            .chain(self.series.iter().map(|s| s.name))
            .collect();
        let rows = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, head)| TableRow {
                head: *head,
                cells: self.series.iter().map(|s| s.values[i]).collect(),
            })
            .collect();
        Table { columns, rows }
    }

    /// Nothing to draw: the app says so in words rather than showing empty axes.
    pub fn is_empty(&self) -> bool {
        self.series.iter().all(|s| s.values.iter().all(|v| *v == 0))
    }

    /// The tallest bar (stacked segments added up), for the scale.
    pub fn max_bar(&self) -> u32 {
        (0..self.categories.len())
            .map(|i| match self.shape {
                Shape::Bars => self.series.iter().map(|s| s.values[i]).max().unwrap_or(0),
                Shape::StackedBars => self.series.iter().map(|s| s.values[i]).sum(),
            })
            .max()
            .unwrap_or(0)
    }
}

fn bars(id: ChartId, heading: Label, value_name: Label, bars: Vec<(Label, u32)>) -> Chart {
    let (categories, values) = bars.into_iter().unzip();
    Chart {
        id,
        shape: Shape::Bars,
        category_heading: heading,
        categories,
        series: vec![Series {
            name: value_name,
            values,
        }],
    }
}

/// Every chart of the indicators screen, in the order of [`ChartId::ALL`].
pub fn charts(ind: &Indicators) -> Vec<Chart> {
    let d = &ind.doors;
    let activity = &ind.activity;
    let by_key = |map: std::collections::BTreeMap<&'static str, u32>| {
        map.into_iter().map(|(k, n)| (Label::Key(k), n)).collect()
    };
    vec![
        bars(
            ChartId::DoorFunnel,
            Label::What,
            Label::Count,
            vec![
                (Label::DoorsInScope, ind.doors_in_scope),
                (Label::Knocked, ind.knocked),
                (Label::Opened, ind.opened),
                (Label::SignUps, ind.sign_ups),
            ],
        ),
        bars(
            ChartId::DoorStates,
            Label::DoorState,
            Label::Doors,
            [
                (State::NotVisited, d.doors - d.visited),
                (State::Absent, d.absent),
                (State::Refused, d.refused),
                (State::Interested, d.interested),
                (State::SignedUp, d.signed_up),
                (State::ComeBack, d.come_back),
                (State::DoNotDisturb, d.do_not_disturb),
                (State::Inaccessible, d.inaccessible),
            ]
            .into_iter()
            .map(|(state, n)| (Label::State(state), n))
            .collect(),
        ),
        wellbeing_chart(ind),
        bars(
            ChartId::PartnerContactsByTheme,
            Label::Theme,
            Label::Contacts,
            by_key(activity.partner_contacts_by_theme.clone()),
        ),
        bars(
            ChartId::ReferralsByStatus,
            Label::Status,
            Label::Referrals,
            by_key(activity.referrals_by_status()),
        ),
        bars(
            ChartId::KioskAndSharedSpace,
            Label::What,
            Label::Count,
            vec![
                (Label::KioskSignUps, activity.kiosk_sign_ups),
                (
                    Label::UnansweredQuestions,
                    activity.unanswered_kiosk_questions,
                ),
                (Label::Ideas, activity.ideas),
                (Label::Votes, activity.votes),
            ],
        ),
        bars(
            ChartId::KioskWellbeing,
            Label::Feeling,
            Label::Answers,
            (0..5u8)
                .map(|face| {
                    (
                        Label::Face(face + 1),
                        activity.kiosk_wellbeing.by_face[usize::from(face)],
                    )
                })
                .collect(),
        ),
    ]
}

/// One stacked bar per week, one segment per face (saddest first, so the stack reads upward).
fn wellbeing_chart(ind: &Indicators) -> Chart {
    Chart {
        id: ChartId::WellbeingOverTime,
        shape: Shape::StackedBars,
        category_heading: Label::Week,
        categories: ind
            .wellbeing
            .iter()
            .map(|w| Label::WeekOf(w.week_of))
            .collect(),
        series: (0..5u8)
            .map(|face| Series {
                name: Label::Face(face + 1),
                values: ind
                    .wellbeing
                    .iter()
                    .map(|w| w.answers.by_face[usize::from(face)])
                    .collect(),
            })
            .collect(),
    }
}
