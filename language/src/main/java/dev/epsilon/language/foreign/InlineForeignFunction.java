package dev.epsilon.language.foreign;

import dev.epsilon.language.runtime.LispFunction;

/**
 * What DEFSHARED records on its name: the function it defined and the constant foreign call that is
 * its whole body. A call to the name, while the name still holds that function, compiles to the
 * foreign call itself (see {@link InlinedForeignCallNode}).
 */
public record InlineForeignFunction(LispFunction function, Object spec, Object returnType, Object argTypes,
                                    boolean checkErrno, int arity) {
}
