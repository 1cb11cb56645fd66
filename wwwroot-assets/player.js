// The asset drawer's player: HLS natively or through hls.js (loaded on first need), else the progressive
// file; and sprite scrubbing, which shows the storyboard tile of sprite.vtt for the time under the pointer.

let hlsLoading = null;

function loadHls() {
    if (window.Hls) {
        return Promise.resolve(window.Hls);
    }

    hlsLoading ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL("hls.min.js", document.baseURI).href;
        script.onload = () => resolve(window.Hls);
        script.onerror = () => reject(new Error("hls.min.js could not be loaded"));
        document.head.appendChild(script);
    });
    return hlsLoading;
}

async function useSource(media, hlsUrl, fileUrl) {
    if (hlsUrl && media.canPlayType("application/vnd.apple.mpegurl")) {
        media.src = hlsUrl;
        return "native-hls";
    }

    if (hlsUrl) {
        const Hls = await loadHls().catch(() => null);
        if (Hls && Hls.isSupported()) {
            // No worker: the console's CSP allows scripts from 'self' only, and hls.js builds its worker from a blob.
            const hls = new Hls({ enableWorker: false });
            hls.on(Hls.Events.ERROR, (_, data) => {
                if (data.fatal && fileUrl) {
                    hls.destroy();
                    media.src = fileUrl;
                }
            });
            hls.loadSource(hlsUrl);
            hls.attachMedia(media);
            media.mediaAdminHls = hls;
            return "hls.js";
        }
    }

    if (fileUrl) {
        media.src = fileUrl;
        return "file";
    }

    return "none";
}

// "00:01:02.500" or "01:02.500" in seconds.
function vttTime(text) {
    return text.trim().split(":").reduce((total, part) => total * 60 + parseFloat(part), 0);
}

function parseSpriteVtt(text, vttUrl) {
    const cues = [];
    for (const block of text.replace(/\r/g, "").split("\n\n")) {
        const lines = block.split("\n").filter(l => l.trim() !== "");
        const timing = lines.findIndex(l => l.includes("-->"));
        if (timing < 0 || !lines[timing + 1]) {
            continue;
        }

        const [start, end] = lines[timing].split("-->").map(vttTime);
        const [file, fragment] = lines[timing + 1].trim().split("#xywh=");
        const [x, y, w, h] = (fragment ?? "0,0,0,0").split(",").map(Number);
        cues.push({ start, end, url: new URL(file, vttUrl).href, x, y, w, h });
    }

    return cues;
}

async function attachScrubber(media, scrubber, tile, vttUrl) {
    const response = await fetch(vttUrl, { credentials: "same-origin" });
    if (!response.ok) {
        scrubber.dataset.cues = "0";
        return;
    }

    const cues = parseSpriteVtt(await response.text(), vttUrl);
    scrubber.dataset.cues = String(cues.length);
    const duration = () => (Number.isFinite(media.duration) && media.duration > 0) ? media.duration : (cues.at(-1)?.end ?? 0);
    const timeAt = event => {
        const box = scrubber.getBoundingClientRect();
        return Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1) * duration();
    };
    const show = event => {
        const time = timeAt(event);
        const cue = cues.find(c => time >= c.start && time < c.end) ?? cues.at(-1);
        if (!cue) {
            return;
        }

        tile.hidden = false;
        tile.style.width = `${cue.w}px`;
        tile.style.height = `${cue.h}px`;
        tile.style.backgroundImage = `url("${cue.url}")`;
        tile.style.backgroundPosition = `-${cue.x}px -${cue.y}px`;
        const box = scrubber.getBoundingClientRect();
        tile.style.left = `${Math.min(Math.max(event.clientX - box.left - cue.w / 2, 0), Math.max(box.width - cue.w, 0))}px`;
        tile.dataset.time = time.toFixed(2);
    };
    scrubber.onpointermove = show;
    scrubber.onpointerdown = event => {
        show(event);
        media.currentTime = timeAt(event);
    };
    scrubber.onpointerleave = () => { tile.hidden = true; };
}

/** Points the media element at the asset's streams and wires sprite scrubbing; answers how it plays. */
export async function attach(media, hlsUrl, fileUrl, scrubber, tile, spriteVttUrl) {
    detach(media);
    const absolute = url => url ? new URL(url, document.baseURI).href : null;
    const mode = await useSource(media, absolute(hlsUrl), absolute(fileUrl));
    media.dataset.playback = mode;
    if (scrubber && tile && spriteVttUrl) {
        await attachScrubber(media, scrubber, tile, absolute(spriteVttUrl)).catch(() => { scrubber.dataset.cues = "0"; });
    }

    return mode;
}

/** Stops playback and lets go of hls.js, when the drawer closes or shows another asset. */
export function detach(media) {
    if (!media) {
        return;
    }

    media.mediaAdminHls?.destroy();
    media.mediaAdminHls = undefined;
    media.pause();
    media.removeAttribute("src");
    media.load();
}
