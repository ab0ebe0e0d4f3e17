// doctest's main, shared by every test executable. It fails a run in which no test case ran:
// CTest starts each case by name, and a name the filter cannot match (CMake splits names at
// ';') would otherwise pass without testing anything.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <atomic>
#include <iostream>

namespace {

class CountingListener : public doctest::IReporter {
public:
    explicit CountingListener(const doctest::ContextOptions&) {}
    static std::atomic<int>& started() {
        static std::atomic<int> count{0};
        return count;
    }
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats&) override {}
    void test_case_start(const doctest::TestCaseData&) override { ++started(); }
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

REGISTER_LISTENER("counting", 1, CountingListener);

}  // namespace

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int result = context.run();
    if (context.shouldExit()) return result;  // --help, --list-test-cases and the like
    if (CountingListener::started() == 0) {
        std::cerr << "no test case matched: nothing was tested\n";
        return 1;
    }
    return result;
}
