package org.carehotline.console;

import io.vertx.ext.web.Router;
import org.carehotline.console.auth.Access;
import org.carehotline.counselors.Role;

/**
 * The live board: {@code /board} for supervisors and administrators, and {@code /board/panel},
 * the fragment every open board (and the counselors' compact one) fetches when the event
 * stream says the board changed.
 */
final class BoardRoutes {

    /** What a listen / whisper / barge request came to, shown once on the board. */
    private static final java.util.List<String> MONITOR_OUTCOMES =
            java.util.List.of("ringing", "invalid", "noPhone", "notOnCall", "failed");

    private final Pages pages;
    private final BoardPanel board;

    BoardRoutes(Pages pages, BoardPanel board) {
        this.pages = pages;
        this.board = board;
    }

    void mount(Router router, Access access) {
        router.get("/board").handler(access.require(Role.SUPERVISOR, Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, request -> Reply.view("board.ftlh").with("board", board.model())
                        .with("monitor", MONITOR_OUTCOMES.contains(request.param("monitor")) ? request.param("monitor")
                                : null)));
        router.get("/board/panel").handler(access.require(Role.COUNSELOR, Role.LAWYER, Role.SUPERVISOR,
                Role.ADMINISTRATOR)).handler(ctx -> pages.handle(ctx, request -> Reply.view("board-fragment.ftlh")
                .with("board", board.model()).with("compact", !request.signedIn().seesAllCases()
                        || "1".equals(request.param("compact")))));
    }
}
