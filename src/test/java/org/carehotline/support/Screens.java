package org.carehotline.support;

import org.openqa.selenium.Dimension;

/** Screenshots of a page at the two sizes the console is checked at (1366×768 laptops, 1920×1080 desks). */
public final class Screens {

    private Screens() {
    }

    /** Saves {@code name-1366.png} and {@code name-1920.png} under target/screenshots/, then restores the size. */
    public static void atBothSizes(Browser browser, String name) {
        Dimension before = browser.driver.manage().window().getSize();
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            browser.driver.manage().window().setSize(new Dimension(size[0], size[1]));
            browser.screenshot(name + "-" + size[0]);
        }
        browser.driver.manage().window().setSize(before);
    }
}
