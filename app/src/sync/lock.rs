//! One tab syncs at a time: a Web Lock (`navigator.locks`) held for the whole round. A tab that
//! finds the lock taken skips its round; the other tab is doing the work. Where the browser has no
//! Web Locks (old Safari), the round simply runs: the push and the pull are idempotent, so two tabs
//! syncing at once waste a request, never an event.

use js_sys::{Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::{JsFuture, future_to_promise};

/// Runs `work` while holding the lock `name`; `None` when another tab holds it.
pub async fn if_available<T: 'static>(
    name: &str,
    work: impl Future<Output = T> + 'static,
) -> Option<T> {
    let Some((locks, request)) = lock_manager() else {
        return Some(work.await);
    };
    let output: Rc<RefCell<Option<T>>> = Rc::new(RefCell::new(None));
    let slot = output.clone();
    let mut work = Some(work);
    // The lock is held until the promise the callback returns settles: the whole round.
    let callback = Closure::<dyn FnMut(JsValue) -> Promise>::new(move |lock: JsValue| {
        let work = work.take();
        let slot = slot.clone();
        future_to_promise(async move {
            if let (false, Some(work)) = (lock.is_null(), work) {
                *slot.borrow_mut() = Some(work.await);
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    let options = Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let requested = request.call3(
        &locks,
        &JsValue::from_str(name),
        &options,
        callback.as_ref().unchecked_ref(),
    );
    match requested {
        Ok(promise) => {
            let _ = JsFuture::from(Promise::from(promise)).await;
        }
        // A browser refusing the call (an opaque origin) must not stop syncing.
        Err(_) => return None,
    }
    drop(callback);
    output.borrow_mut().take()
}

fn lock_manager() -> Option<(JsValue, Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &"locks".into()).ok()?;
    if locks.is_undefined() || locks.is_null() {
        return None;
    }
    let request = Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some((locks, request))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    async fn a_second_round_finds_the_lock_taken_and_skips() {
        let name = format!("palier-test-lock-{}", js_sys::Math::random());
        let (release, released) = futures_channel();
        let first = if_available(&name, async move {
            released.await;
            "first"
        });
        let second = async {
            // Let the first request take the lock before asking.
            sleep(20).await;
            let skipped = if_available(&name, async { "second" }).await;
            release();
            skipped
        };
        let (first, second) = join(first, second).await;
        assert_eq!(first, Some("first"));
        assert_eq!(second, None, "the lock was held by the first round");
        assert_eq!(
            if_available(&name, async { 3 }).await,
            Some(3),
            "free again"
        );
    }

    async fn sleep(ms: i32) {
        let promise = Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        });
        let _ = JsFuture::from(promise).await;
    }

    /// A one-shot signal: the returned closure resolves the returned future.
    fn futures_channel() -> (impl FnOnce(), impl Future<Output = ()>) {
        let mut resolve_fn = None;
        let promise = Promise::new(&mut |resolve, _| resolve_fn = Some(resolve));
        let resolve_fn: Function = resolve_fn.unwrap();
        (
            move || {
                let _ = resolve_fn.call0(&JsValue::UNDEFINED);
            },
            async move {
                let _ = JsFuture::from(promise).await;
            },
        )
    }

    async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
        use std::pin::pin;
        use std::task::Poll;
        let (mut a, mut b) = (pin!(a), pin!(b));
        let (mut ra, mut rb) = (None, None);
        std::future::poll_fn(|cx| {
            if ra.is_none()
                && let Poll::Ready(v) = a.as_mut().poll(cx)
            {
                ra = Some(v);
            }
            if rb.is_none()
                && let Poll::Ready(v) = b.as_mut().poll(cx)
            {
                rb = Some(v);
            }
            if ra.is_some() && rb.is_some() {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        })
        .await;
        (ra.unwrap(), rb.unwrap())
    }
}
