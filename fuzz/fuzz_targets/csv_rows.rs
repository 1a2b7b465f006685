//! Any bytes as batch rows: CSV under the full header, CSV with a header of
//! its own, or JSON Lines. Every row read gives exactly one result row, and
//! nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wengang_engine::batch::{self, csv, ChunkOutput, Column, Header, Options, Screener};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let options = Options {
        default_policy: (mode & 4 != 0).then(|| "suzhou-2019".to_owned()),
        strict: mode & 8 != 0,
    };
    let mut out = ChunkOutput::default();
    match mode & 3 {
        0 => {
            let header = Header::new(Column::ALL.iter().map(|c| c.path()));
            Screener::csv(header, options).screen_chunk(body, 2, &mut out);
        }
        1 => {
            if let Ok(Some((header, used))) = batch::read_header(body, true) {
                Screener::csv(header, options).screen_chunk(&body[used..], 2, &mut out);
            }
        }
        _ => Screener::json_lines(options).screen_chunk(body, 1, &mut out),
    }
    let results = out.results.iter().filter(|&&b| b == b'\n').count() as u64;
    let written = if out.stopped {
        out.stats.rows - 1
    } else {
        out.stats.rows
    };
    // Quoted fields may hold newlines: every result row still parses.
    let mut rows = 0;
    let mut fields = csv::Fields::default();
    for (_, range) in csv::records(&out.results, 1) {
        fields
            .parse(&out.results[range])
            .expect("result rows are well-formed CSV");
        assert_eq!(fields.len(), 10);
        rows += 1;
    }
    assert_eq!(rows, written);
    assert!(results >= written);
});
