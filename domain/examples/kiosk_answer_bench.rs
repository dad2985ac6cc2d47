//! `cargo run -p domain --release --example kiosk_answer_bench [entries] [rounds]`: how long the
//! kiosk takes to answer a question with a large knowledge base (`domain::kiosk::bench`). Prints
//! one line `PALIER_KIOSK_BENCH {json}` for `cargo xtask bench kiosk`.

fn main() {
    let mut args = std::env::args().skip(1);
    let entries = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let rounds = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let t = domain::kiosk::bench::time_answers(entries, rounds);
    println!(
        "PALIER_KIOSK_BENCH {{\"entries\":{},\"questions\":{},\"mean_ms\":{:.4},\"p95_ms\":{:.4},\"max_ms\":{:.4},\"build_ms\":{:.1}}}",
        t.entries, t.questions, t.mean_ms, t.p95_ms, t.max_ms, t.build_ms
    );
}
