//! [`evaluate_stream_parallel`]: [`super::evaluate_stream`] on several threads, with the same
//! answers in the same order. The calling thread cuts the input into cases (the splitter
//! reads it strictly in order) and hands batches of them to worker threads; each worker
//! answers a batch with its own policy cache and prepares what the caller prints (the JSON
//! line), and the calling thread hands the answers on in input order. At most a few batches
//! are in flight, so memory stays bounded whatever the size of the input.

use std::collections::BTreeMap;
use std::io::Read;
use std::ops::ControlFlow;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Mutex;
use std::thread;

use super::{answer_piece, evaluate_stream, PolicyCache, StreamSummary, Streamed};
use crate::api::split::{Piece, Splitter};
use crate::catalog::Catalog;

/// Cases and bytes of case text per batch: large enough that handing a batch over costs
/// nothing next to answering it, small enough that a 1,000-case file still feeds two workers.
const BATCH_CASES: usize = 64;
const BATCH_BYTES: usize = 128 << 10;

/// A batch of pieces, each with the number of pieces before it in the stream.
type Batch = Vec<(Piece, usize)>;
/// A batch's answers: each answer, whether the stream ends there, and what `prepare` made.
type Answers<T> = Vec<(Streamed, bool, T)>;

/// [`super::evaluate_stream`] with the answering spread over `threads` worker threads: the
/// same answers, handed to `each` in input order, and the same summary. `prepare` runs on the
/// worker for each answer (serializing it, typically) and its result comes to `each` with the
/// answer. With fewer than two threads, or when no thread can be started (a target without
/// threads), everything runs on the calling thread.
pub fn evaluate_stream_parallel<R: Read, T: Send>(
    input: R,
    explain: bool,
    catalog: Option<&Catalog>,
    threads: usize,
    prepare: impl Fn(&Streamed) -> T + Sync,
    mut each: impl FnMut(Streamed, T) -> ControlFlow<()>,
) -> StreamSummary {
    let alone = |input: R, each: &mut dyn FnMut(Streamed, T) -> ControlFlow<()>| {
        evaluate_stream(input, explain, catalog, |s| {
            let t = prepare(&s);
            each(s, t)
        })
    };
    if threads < 2 {
        return alone(input, &mut each);
    }
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Batch)>(threads);
    let queue = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Answers<T>)>();
    thread::scope(|scope| {
        let mut workers = 0;
        for _ in 0..threads {
            let (queue, done, prepare) = (&queue, done_tx.clone(), &prepare);
            let worker = move || work(queue, &done, explain, catalog, prepare);
            workers += usize::from(thread::Builder::new().spawn_scoped(scope, worker).is_ok());
        }
        drop(done_tx);
        if workers == 0 {
            return alone(input, &mut each);
        }
        // Dropped when this returns, before the scope waits for the workers: they see the
        // queue closed and the answers' receiver gone, and stop.
        let feed = Feed {
            splitter: Splitter::new(input),
            work: work_tx,
            done: done_rx,
            seen: 0,
            sent: 0,
            ended: false,
        };
        feed.run(threads * 2 + 2, &mut each)
    })
}

/// The calling thread's side: the splitter, the queue of batches and the answers coming back.
struct Feed<R, T> {
    splitter: Splitter<R>,
    work: mpsc::SyncSender<(usize, Batch)>,
    done: Receiver<(usize, Answers<T>)>,
    /// Pieces cut so far.
    seen: usize,
    /// Batches sent so far.
    sent: usize,
    /// Whether the splitter reached the end of the input (or a fault).
    ended: bool,
}

impl<R: Read, T> Feed<R, T> {
    /// Feeds the workers, at most `in_flight` batches ahead of the answers handed on, and
    /// hands the answers to `each` in order until the input ends or the stream stops.
    fn run(
        mut self,
        in_flight: usize,
        each: &mut dyn FnMut(Streamed, T) -> ControlFlow<()>,
    ) -> StreamSummary {
        let mut summary = StreamSummary::default();
        let mut ready: BTreeMap<usize, Answers<T>> = BTreeMap::new();
        let mut next = 0;
        loop {
            while !self.ended && self.sent - next < in_flight {
                let batch = self.batch();
                if batch.is_empty() || self.work.send((self.sent, batch)).is_err() {
                    self.ended = true;
                    break;
                }
                self.sent += 1;
            }
            if next == self.sent {
                return summary;
            }
            // Wait for the oldest batch; later ones wait in `ready` (at most `in_flight`).
            while !ready.contains_key(&next) {
                match self.done.recv() {
                    Ok((seq, answers)) => ready.insert(seq, answers),
                    Err(_) => return summary,
                };
            }
            while let Some(answers) = ready.remove(&next) {
                next += 1;
                for (streamed, last, t) in answers {
                    let handed = summary.take((streamed, last), |s| each(s, t));
                    if handed.is_break() {
                        return summary;
                    }
                }
            }
        }
    }

    /// The next batch of pieces; empty at the end of the input.
    fn batch(&mut self) -> Batch {
        let mut batch = Vec::with_capacity(BATCH_CASES);
        let mut bytes = 0;
        while batch.len() < BATCH_CASES && bytes < BATCH_BYTES {
            let piece = self.splitter.next_piece();
            match &piece {
                Piece::End => {
                    self.ended = true;
                    return batch;
                }
                Piece::Fault(_) => self.ended = true,
                Piece::Case { text, .. } => bytes += text.len(),
                Piece::TooLarge { .. } => {}
            }
            batch.push((piece, self.seen));
            self.seen += 1;
            if self.ended {
                break;
            }
        }
        batch
    }
}

/// A worker: answers batches from `queue` with its own cache until the queue closes or
/// nobody waits for the answers.
fn work<T>(
    queue: &Mutex<Receiver<(usize, Batch)>>,
    done: &Sender<(usize, Answers<T>)>,
    explain: bool,
    catalog: Option<&Catalog>,
    prepare: &(impl Fn(&Streamed) -> T + Sync),
) {
    let mut cache = PolicyCache::default();
    loop {
        // The lock is held only while taking a batch, never while answering one.
        let taken = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((seq, batch)) = taken else { return };
        let answers = batch
            .into_iter()
            .filter_map(|(piece, seen)| answer_piece(piece, seen, explain, catalog, &mut cache))
            .map(|(streamed, last)| {
                let t = prepare(&streamed);
                (streamed, last, t)
            })
            .collect();
        if done.send((seq, answers)).is_err() {
            return;
        }
    }
}
