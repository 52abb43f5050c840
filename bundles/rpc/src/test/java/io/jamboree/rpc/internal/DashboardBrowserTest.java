package io.jamboree.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.importer.BlockImporter;

import io.jamboree.importer.ImportOutcome;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, found on
 * the PATH; {@code .ci/run} installs them) opens the page the node serves, shows the best block, its author and seal
 * kind and the validator set, and follows the best block as more blocks of the public {@code fallback} trace are
 * imported. The screenshot is saved as {@code target/dashboard.png}.
 */
class DashboardBrowserTest {
    private static final ChainParams P = ChainParams.tiny();

    private static File onPath(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String n : names) {
                File f = new File(dir, n);
                if (f.isFile() && f.canExecute()) {
                    return f;
                }
            }
        }
        throw new AssertionError("no " + String.join(" or ", names) + " on the PATH: install Debian's chromium and "
                + "chromium-driver (apt-get install chromium chromium-driver), as .ci/run does");
    }

    @Test
    void dashboardFollowsTheBestBlock() throws Exception {
        Path dir = VectorsFolder.require("jam-test-vectors-0.7.2/traces/fallback");
        Decoder g = new Decoder(Files.readAllBytes(dir.resolve("genesis.bin")));
        Header genesis = Header.decode(g, P);
        Hash.decode(g);
        RpcEvents hub = new RpcEvents();
        ImportEvents events = new ImportEvents(hub); // the import events that push the new head to the page
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(), new io.jamboree.accumulate.internal.PvmInvocationsComponent().accumulation(new InterpreterEngine()), events);
        importer.initialize(genesis, kvs(g), List.of());
        List<Block> blocks = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Decoder d = new Decoder(Files.readAllBytes(dir.resolve(String.format("%08d.bin", i))));
            Hash.decode(d);
            kvs(d);
            blocks.add(Block.decode(d, P));
        }
        assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(blocks.get(0)));
        assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(blocks.get(1)));

        Path profile = Files.createTempDirectory("jam-dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(onPath("chromium", "chromium-browser", "google-chrome"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(onPath("chromedriver", "chromium-driver")).usingAnyFreePort().build();
        try (RpcNode node = new RpcNode(importer, new InetSocketAddress("127.0.0.1", 0), 1 << 20, 64,
                Optional::empty, Optional::empty, Optional::empty)) {
            hub.register(node);
            WebDriver browser = new ChromeDriver(service, options);
            try {
                browser.get(node.url().replaceFirst("^ws:", "http:"));
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                Header second = blocks.get(1).header();
                wait.until(b -> b.findElement(By.id("best-slot")).getText().equals(Long.toString(second.slot())));
                wait.until(b -> b.findElements(By.cssSelector("#validators tbody tr")).size() == P.validatorsCount());
                wait.until(b -> b.findElement(By.id("best-author")).getText().equals("validator " + second.authorIndex()));
                assertEquals("fallback", browser.findElement(By.id("best-seal")).getText());
                assertEquals(Long.toString(genesis.slot()), browser.findElement(By.id("finalized-slot")).getText());
                assertEquals(1, browser.findElements(By.cssSelector("#validators tr.author")).size());

                // the chain grows: the page follows through its subscription
                for (int i = 2; i < blocks.size(); i++) {
                    assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(blocks.get(i)));
                }
                Header last = blocks.get(blocks.size() - 1).header();
                wait.until(b -> b.findElement(By.id("best-slot")).getText().equals(Long.toString(last.slot())));
                assertTrue(last.slot() > second.slot());
                wait.until(b -> b.findElements(By.cssSelector("#blocks tbody tr")).size() >= 2);
                File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Path target = Path.of("target");
                Files.createDirectories(target);
                Files.copy(shot.toPath(), target.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
                assertTrue(Files.size(target.resolve("dashboard.png")) > 1000);
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the dashboard did not show what was expected; status '"
                        + browser.findElement(By.id("status")).getText() + "', page:\n"
                        + browser.findElement(By.tagName("main")).getText(), e);
            } finally {
                browser.quit();
            }
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static List<KeyValue> kvs(Decoder d) {
        int n = d.length(StateKey.LENGTH + 1, "keyvals");
        List<KeyValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new KeyValue(StateKey.ofBytes(d.bytes(StateKey.LENGTH, "key")), d.blob("value")));
        }
        return out;
    }
}
