// The console's resumable upload: slices each File, PUTs chunks at the offset the server holds, and after a failed
// chunk asks the server where it stands and resumes from there. Progress goes to the dialog through .NET interop.
window.mediaAdminUpload = (function () {
    const chunkBytes = 8 * 1024 * 1024;
    const attempts = 8;
    const files = new Map();
    const running = new Map();
    let nextKey = 1;

    function problem(xhrOrResponse, text) {
        try { return JSON.parse(text).detail || `The server answered ${xhrOrResponse.status}.`; } catch { return `The server answered ${xhrOrResponse.status}.`; }
    }

    async function call(upload, method, path, body, abortable = true) {
        const headers = { [upload.token.headerName]: upload.token.token };
        if (body) headers["Content-Type"] = "application/json";
        const signal = abortable ? upload.abort.signal : undefined;
        const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined, credentials: "same-origin", signal });
        const text = await response.text();
        if (!response.ok) throw new Error(problem(response, text));
        return text ? JSON.parse(text) : null;
    }

    function putChunk(upload, from, to) {
        return new Promise((resolve, reject) => {
            const xhr = new XMLHttpRequest();
            upload.xhr = xhr;
            xhr.open("PUT", `upload/${upload.id}`);
            xhr.setRequestHeader(upload.token.headerName, upload.token.token);
            xhr.setRequestHeader("Content-Range", `bytes ${from}-${to - 1}/${upload.file.size}`);
            xhr.upload.onprogress = e => upload.report(from + e.loaded);
            xhr.onload = () => xhr.status === 200 ? resolve() : reject({ status: xhr.status, message: problem(xhr, xhr.responseText) });
            xhr.onerror = () => reject({ status: 0, message: "The connection dropped." });
            xhr.onabort = () => reject({ status: -1, message: "Cancelled." });
            xhr.send(upload.file.slice(from, to));
        });
    }

    async function send(upload) {
        let offset = 0;
        let failures = 0;
        while (offset < upload.file.size) {
            const to = Math.min(offset + chunkBytes, upload.file.size);
            try {
                await putChunk(upload, offset, to);
                offset = to;
                failures = 0;
            } catch (failure) {
                // Refusals other than "not at this offset" are final: a resend would be refused again.
                if (failure.status === -1 || (failure.status >= 400 && failure.status !== 409) || ++failures > attempts) throw new Error(failure.message);
                await new Promise(r => setTimeout(r, Math.min(500 * 2 ** failures, 10000)));
                try {
                    offset = (await call(upload, "GET", `upload/${upload.id}`)).receivedBytes;
                } catch (error) {
                    if (upload.cancelled) throw error;
                }
            }
            upload.report(offset);
        }
    }

    async function run(key, title, categoryId, dotnet) {
        const file = files.get(key);
        const upload = { file, abort: new AbortController(), lastReport: 0 };
        upload.report = bytes => {
            const now = Date.now();
            if (now - upload.lastReport > 200 || bytes === file.size) {
                upload.lastReport = now;
                dotnet.invokeMethodAsync("OnProgress", key, bytes);
            }
        };
        running.set(key, upload);
        try {
            const tokenResponse = await fetch("upload/token", { credentials: "same-origin" });
            const tokenText = await tokenResponse.text();
            if (!tokenResponse.ok) throw new Error(problem(tokenResponse, tokenText));
            upload.token = JSON.parse(tokenText);
            upload.id = (await call(upload, "POST", "upload", { fileName: file.name, sizeBytes: file.size, title, categoryId })).id;
            await send(upload);
            // Past this point the server creates the asset whatever the page does, so a cancel can no longer stop it
            // and must not claim it did: completing is neither abortable nor cancellable.
            upload.completing = true;
            const done = await call(upload, "POST", `upload/${upload.id}/complete`, undefined, false);
            await dotnet.invokeMethodAsync("OnFinished", key, done.videoId, null);
        } catch (error) {
            if (upload.id && !upload.cancelled) {
                // Nothing half-sent stays behind a failure the user cannot resume from this page.
                fetch(`upload/${upload.id}`, { method: "DELETE", headers: { [upload.token.headerName]: upload.token.token } }).catch(() => { });
            }
            await dotnet.invokeMethodAsync("OnFinished", key, null, upload.cancelled ? "Cancelled." : error.message);
        } finally {
            running.delete(key);
            files.delete(key);
        }
    }

    return {
        attach: function (dropZone, picker, dotnet) {
            const add = list => {
                const added = Array.from(list).map(file => { const key = nextKey++; files.set(key, file); return { key, name: file.name, sizeBytes: file.size }; });
                if (added.length) dotnet.invokeMethodAsync("OnFilesAdded", added);
            };
            const highlight = on => dropZone.style.borderColor = on ? "var(--mud-palette-primary)" : "";
            dropZone.addEventListener("dragover", e => { e.preventDefault(); highlight(true); });
            dropZone.addEventListener("dragleave", () => highlight(false));
            dropZone.addEventListener("drop", e => { e.preventDefault(); highlight(false); add(e.dataTransfer.files); });
            const takePicked = () => { add(picker.files); picker.value = ""; };
            picker.addEventListener("change", takePicked);

            // Files chosen between the dialog's first render and this call raised their change event unheard.
            if (picker.files.length) takePicked();
        },
        start: function (key, title, categoryId, dotnet) {
            run(key, title, categoryId, dotnet);
        },
        cancel: async function (key) {
            const upload = running.get(key);
            if (!upload || upload.completing) return;
            upload.cancelled = true;
            upload.abort.abort();
            upload.xhr?.abort();
            if (upload.id) {
                await fetch(`upload/${upload.id}`, { method: "DELETE", headers: { [upload.token.headerName]: upload.token.token } }).catch(() => { });
            }
        },
        cancelAll: function () {
            for (const key of running.keys()) this.cancel(key);
            files.clear();
        }
    };
})();
