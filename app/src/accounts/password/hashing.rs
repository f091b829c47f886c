//! Passwords: argon2id at OWASP's parameters (19 MiB, 2 iterations, 1
//! lane), hashed and verified on a few threads of their own, one per core,
//! never on the async runtime. Sign-ins beyond that wait in a queue. On
//! tokio's blocking pool each of many threads kept its 19 MiB in its own
//! malloc arena: 32 concurrent sign-ins took the server to 6 GB RSS, and
//! still 440 MB with a semaphore; a fixed set of threads bounds it.
//! Also upgrades of older hashes.

use crate::error::AppError;
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};
use std::sync::{mpsc, Arc, LazyLock, Mutex};

type Job = Box<dyn FnOnce() + Send>;

/// The queue of hashing jobs, served by one thread per core.
static HASHERS: LazyLock<mpsc::Sender<Job>> = LazyLock::new(|| {
    let (sender, receiver) = mpsc::channel::<Job>();
    let receiver = Arc::new(Mutex::new(receiver));
    for n in 0..std::thread::available_parallelism().map_or(2, |n| n.get()) {
        let receiver = Arc::clone(&receiver);
        std::thread::Builder::new()
            .name(format!("argon2-{n}"))
            .spawn(move || loop {
                let job = receiver.lock().map(|r| r.recv());
                match job {
                    Ok(Ok(job)) => job(),
                    _ => break,
                }
            })
            .expect("a hashing thread starts");
    }
    sender
});

/// Runs one argon2 job on the hashing threads and waits for its answer.
async fn run_hashing<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    HASHERS
        .send(Box::new(move || {
            let _ = answer.send(job());
        }))
        .map_err(AppError::internal)?;
    answered.await.map_err(AppError::internal)?
}

const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const LANES: u32 = 1;

/// Verified against when the email has no account, so a sign-in for an
/// unknown address costs the same time as one for a known address.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_now("no account has this password, it only costs time").expect("dummy hash")
});

fn hasher() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, LANES, None).expect("valid parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_now(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(AppError::internal)
}

/// A PHC-format hash of `password`.
pub async fn hash(password: String) -> Result<String, AppError> {
    run_hashing(move || hash_now(&password)).await
}

#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Wrong,
    /// Right; `rehash` when the stored hash uses older parameters.
    Right {
        rehash: bool,
    },
}

/// Checks `password` against `stored`, or against a dummy hash when there
/// is no account, which always answers `Wrong` after the same work.
pub async fn verify(password: String, stored: Option<String>) -> Result<Verdict, AppError> {
    run_hashing(move || {
        let (phc, real) = match &stored {
            Some(phc) if !phc.is_empty() => (phc.as_str(), true),
            _ => (DUMMY_HASH.as_str(), false),
        };
        let parsed = PasswordHash::new(phc).map_err(AppError::internal)?;
        let matches = hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(match (matches && real, outdated(&parsed)) {
            (true, rehash) => Verdict::Right { rehash },
            (false, _) => Verdict::Wrong,
        })
    })
    .await
}

fn outdated(hash: &PasswordHash<'_>) -> bool {
    let param = |name: &str| hash.params.get_decimal(name);
    hash.algorithm.as_str() != "argon2id"
        || param("m") != Some(MEMORY_KIB)
        || param("t") != Some(ITERATIONS)
        || param("p") != Some(LANES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let phc = hash("korrekt häst batteri".into()).await.unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert_eq!(
            verify("korrekt häst batteri".into(), Some(phc.clone()))
                .await
                .unwrap(),
            Verdict::Right { rehash: false }
        );
        assert_eq!(
            verify("fel".into(), Some(phc)).await.unwrap(),
            Verdict::Wrong
        );
    }

    #[tokio::test]
    async fn an_unknown_account_is_always_wrong_even_with_the_dummy_password() {
        let v = verify(
            "no account has this password, it only costs time".into(),
            None,
        )
        .await;
        assert_eq!(v.unwrap(), Verdict::Wrong);
    }

    #[tokio::test]
    async fn a_hash_with_older_parameters_verifies_and_asks_for_a_rehash() {
        let old = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(4096, 3, 1, None).unwrap(),
        );
        let salt = SaltString::generate(&mut OsRng);
        let phc = old
            .hash_password(b"ett gammalt bra losen", &salt)
            .unwrap()
            .to_string();
        assert_eq!(
            verify("ett gammalt bra losen".into(), Some(phc))
                .await
                .unwrap(),
            Verdict::Right { rehash: true }
        );
    }
}
